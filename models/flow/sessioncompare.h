// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A login set beside one that worked: the step where the two part ways is often the answer to "why
// this user, this phone, and not that one".

#include "session.h"

#include <QList>
#include <QString>

namespace CtiFlow {

// The succeeded sessions worth setting beside sessions[session], best first: the same user's, then the
// same node's, then any, each nearest in time first; at most max of them, never the session itself.
QList<int> referenceSessions(const QList<Session> &sessions, int session, int max = 50);

struct StepComparison
{
    enum class Difference
    {
        None,
        Status, // passed in one, not in the other (failed, missing or not reached)
        Slower, // passed in both, at least twice as long and 100 ms more here
        Faster, // passed in both, at least twice as long and 100 ms more in the reference
    };

    QString id;
    QString label;
    StepStatus here = StepStatus::NotReached;
    StepStatus there = StepStatus::NotReached;
    qint64 hereDeltaMs = -1;
    qint64 thereDeltaMs = -1;
    bool inReference = false; // the reference has this step at all (other rules may not)
    Difference difference = Difference::None;
};

// One row per step of here, in its order, matched by step id in there.
QList<StepComparison> compareSteps(const Session &here, const Session &there);

// Cisco's published trace of a desk-phone control login that worked (CUCM 10.5, shipped with CTI Flow),
// analysed with the built-in rules on first use: a reference for a bundle in which no login succeeded.
// Its times are another cluster's, so its steps say more than its durations.
const Session &textbookLogin();
// That trace's text, and the name it is shown under.
QByteArray textbookTrace();
QString textbookTraceName();

} // namespace CtiFlow
