// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace CtiFlow {

// What a trace file's name and place tell: SDL<node>_<app>_<rotation> and the collection layout.
struct TracePathInfo
{
    int cucmNode = -1;
    int application = -1;
    qint64 rotation = -1;
    QString node; // the RTMT/CLI node folder, else "node <n>" from the file name, else ""
};

// path: a display path, "/x/10.0.0.1/cm/trace/cti/sdl/SDL001_200_000042.txt.gz" or with "!" between
// an archive and its members. RTMT puts each node's files under "<node>/cm/trace/..."; the CLI
// "file get" under "<host>/<YYYY-MM-DD_hh-mm-ss>/cm/trace/...".
TracePathInfo tracePathInfo(const QString &path);

// True when text looks like an SDL trace: a record header at the start of a line within the
// first bytes (a header block of other lines is allowed before it).
bool looksLikeTrace(QByteArrayView text);
// True when the bytes look binary (NUL bytes near the start).
bool looksBinary(QByteArrayView text);
// True when text looks like a Jabber client log (jabber.log, csf-unified.log, as in a problem report):
// "2024-03-11 09:15:02,123 DEBUG [0x00002a10] [...]" at the start of a line near the start.
bool looksLikeJabberLog(QByteArrayView text);
// Why a text that is no trace was skipped: what it is when that is known, for the problems list.
QString skippedTextReason(QByteArrayView text);
// The reason skippedTextReason() gives for a Jabber client log.
QString jabberLogSkipReason();
// Why a file is passed over by its name alone (an encrypted Jabber problem report and its key), or "".
QString skippedByName(const QString &path);

// Trace lines as copied from a mail or a case note: when every line that holds a record begins with
// the same run of spaces, tabs and '>' quote marks, that run is taken off every line that begins with
// it. Other text, and text whose records start their lines, comes back unchanged; lines are neither
// added nor removed, so line numbers stay those of the text given.
QByteArray unquotedTrace(const QByteArray &text);

// The day of a file's first record. Records carry only a time of day; the file was last written
// at modified (its mtime, or its archive entry time), which is at or after its last record.
// lastTimeMs counts from the first record's midnight and includes the midnight rollovers.
QDate firstRecordDate(const QDateTime &modified, qint64 lastTimeMs);

} // namespace CtiFlow
