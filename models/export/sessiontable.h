// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace CtiFlow {

class Redactor;
class TraceStore;

// The sessions of a bundle as a table, one row per login, for a spreadsheet or a ticket: every
// failure of a morning sorted by cause or user without reading the trace again.
enum class TableFormat
{
    Csv, // RFC 4180: comma separated, fields quoted where they need it, CRLF line ends
    Tsv, // tab separated, as spreadsheets paste from the clipboard; tabs and line breaks become spaces
};

// Column names, the same in every format: number, start, end, duration_ms, user, devices, node,
// connection, handler, provider_id, token_login, outcome, failed_step, failed_step_label, cause,
// cause_title, code, code_unsigned, code_signed, slow_steps, evidence.
QStringList sessionTableHeader();

// One session's cells, in the header's order. Times are the store's, with their day ("2026-12-04
// 08:59:16.944": the trace lines carry only a time of day, so the day is the one the loader gave
// the file); devices and slow steps are joined
// by spaces; evidence is the file and line of the cause's first record, else of the session's first.
// Every text goes through the redactor (a disabled one leaves it as it is).
QStringList sessionTableRow(const Session &session, const TraceStore *store, Redactor &redactor);

// The header and one row per session, in the given order, as UTF-8 (no byte order mark). Users and
// devices of all sessions are known to the redactor before any row is written, so that one user
// reads as the same placeholder in every row. A cell that a spreadsheet would run as a formula
// ("=", "+", "@", or "-" not followed by a digit) is prefixed with an apostrophe.
QByteArray sessionTable(const QList<Session> &sessions, const TraceStore *store, Redactor &redactor,
                        TableFormat format);

// One cell as the format writes it.
QString tableCell(const QString &value, TableFormat format);

// Writes sessionTable() as CSV to path, atomically (the old file stays whole if writing fails), with a
// UTF-8 byte order mark so that spreadsheets on Windows read names with accents right. False with a
// reason in error when the file cannot be written.
bool writeSessionTable(const QString &path, const QList<Session> &sessions, const TraceStore *store, bool redact,
                       QString *error);

} // namespace CtiFlow
