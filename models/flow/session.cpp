// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

namespace CtiFlow {

QString stepStatusId(StepStatus status)
{
    switch (status) {
    case StepStatus::Passed:
        return QStringLiteral("passed");
    case StepStatus::Failed:
        return QStringLiteral("failed");
    case StepStatus::Missing:
        return QStringLiteral("missing");
    case StepStatus::NotReached:
        break;
    }
    return QStringLiteral("not-reached");
}

QString outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Incomplete:
        break;
    }
    return QStringLiteral("incomplete");
}

} // namespace CtiFlow
