// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace CtiFlow {

// Something in the input that could not be read as it should. Shown to the user in the problems
// panel and printed by the command line; loading goes on where it can.
struct Problem
{
    enum class Severity
    {
        Info,    // e.g. a non-trace file skipped
        Warning, // part of a file lost or changed (line cut, gzip truncated)
        Error,   // a whole input could not be read
    };

    QString file;    // as the user knows it; inside archives "bundle.zip!dir/file.txt.gz"
    qint64 line = 0; // 1-based physical line, 0 when the problem concerns the whole file
    QString reason;
    Severity severity = Severity::Warning;
    std::optional<quint32> ctiCode = std::nullopt; // a CTI error code the line reports (a Jabber client log's)

    // "file:line: reason" (or "file: reason")
    QString toString() const;
};

using Problems = QList<Problem>;

QString severityName(Problem::Severity severity);

} // namespace CtiFlow
