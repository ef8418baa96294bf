// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace CtiFlow {

class Redactor;
class TraceStore;

// Text forms of one session's flow for tickets and wikis. Every text passes through the redactor
// (a disabled one leaves it as it is).

// Lanes of a session in the standard order: the five standard lanes always, then the optional and any
// other lanes of the steps it reached. The diagram and every export start from this list.
QStringList sessionLanes(const Session &session);
// Text for one cell of a Markdown table: bars escaped, line breaks as spaces.
QString markdownCell(QString text);

// The user's names for lanes, by lane id; a lane without one is shown by its id.
using LaneNames = QHash<QString, QString>;
QString laneName(const LaneNames &names, const QString &lane);

// Mermaid sequenceDiagram: participants are the lanes (named as the user named them), the failed step
// carries a note.
QString mermaidDiagram(const Session &session, Redactor &redactor, const LaneNames &names = {});
// PlantUML sequence diagram, same content as mermaidDiagram.
QString plantUmlDiagram(const Session &session, Redactor &redactor, const LaneNames &names = {});
// The session in a few sentences for a chat or a case note: who, when, where, the outcome, and for a
// failure the step, the cause with its code and what to change.
QString sessionSummary(const Session &session, Redactor &redactor);
// Session summary, the cause with explanation and action, the step table, the evidence records.
QString markdownReport(const Session &session, const TraceStore *store, Redactor &redactor,
                       const LaneNames &names = {});

// "114 ms", "1.80 s"; "" for -1.
QString formatDuration(qint64 ms);
// "0x8CCC0060 (2362179680, -1932787616)": hex, unsigned and signed decimal spellings.
QString formatCtiCode(quint32 code);
// "file:line" of a record.
QString recordLocation(const TraceStore &store, RecordIndex record);
// Records that back the session's steps and cause, in timeline order, without duplicates.
QList<RecordIndex> evidenceRecords(const Session &session);
// Short status words for text outputs: "passed", "FAILED", "missing", "not reached", "slow".
QString stepStatusWord(const StepResult &step);

// The session's own trace records, whole (continuation lines included), in timeline order and as the
// trace files hold them, one record per line: an excerpt small enough for a ticket that CTI Flow, and
// anything else that reads SDL traces, opens as a trace. Redacted, each record goes through the
// redactor as text (UTF-8, or Latin-1 where it is no UTF-8); otherwise its bytes are copied unchanged.
// The excerpt ends with the session: one that failed because the trace went on without it (a stopped
// flow) reads as incomplete there.
QByteArray traceExcerpt(const Session &session, const TraceStore &store, Redactor &redactor);

// A copy of the session whose user-visible texts (login, devices, labels, cause texts, node) went
// through the redactor, for outputs that draw the session rather than print it.
Session redactedSession(const Session &session, Redactor &redactor);

} // namespace CtiFlow
