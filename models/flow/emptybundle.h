// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rules.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace CtiFlow {

class TraceStore;

// Why an opened bundle shows no CTI login, in words for the user: what was found, what was passed
// over and why, and which traces hold the login instead.
struct EmptyBundleExplanation
{
    QString title;       // one line: "No CTI login in these traces"
    QStringList details; // a sentence each
    QString advice;      // what to collect

    // Title, details and advice, one per line.
    QString toText() const;
};

// Nothing when the bundle holds a session. CTI error codes a Jabber client log reports are named
// by the rules' causes.
std::optional<EmptyBundleExplanation> explainEmptyBundle(const TraceStore &store, qsizetype sessionCount,
                                                         const Rules &rules = builtinRules());

} // namespace CtiFlow
