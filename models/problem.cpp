// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "problem.h"

namespace CtiFlow {

QString Problem::toString() const
{
    if (line > 0)
        return file + QLatin1Char(':') + QString::number(line) + QStringLiteral(": ") + reason;
    return file + QStringLiteral(": ") + reason;
}

QString severityName(Problem::Severity severity)
{
    switch (severity) {
    case Problem::Severity::Info:
        return QStringLiteral("info");
    case Problem::Severity::Warning:
        return QStringLiteral("warning");
    case Problem::Severity::Error:
        break;
    }
    return QStringLiteral("error");
}

} // namespace CtiFlow
