// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "record.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CtiFlow {

enum class StepStatus
{
    Passed,
    Failed,
    Missing,    // a later step was reached without this one's evidence (often lines left out of a trace)
    NotReached, // the session stopped before it
};

enum class Outcome
{
    Succeeded,
    Failed,
    Incomplete, // neither success nor a failure is shown
};

// One step of the login flow (domain contract section 9.2) as found in one session.
struct StepResult
{
    QString id;    // "ldap-user-bind"
    QString label; // short arrow label, "LDAP user bind"
    QString seed;  // step number in the Cisco call-flow note, "" when it has none
    QString from;  // lane ids; equal for a step inside one process
    QString to;
    StepStatus status = StepStatus::NotReached;
    qint64 timeMs = -1;  // of the first evidence record (store time), -1 when none
    qint64 deltaMs = -1; // to the previous step with a time, -1 when unknown
    bool slow = false;
    QString slowReason;          // "LDAP bind took 1.8 s (over 1 s)"
    QList<RecordIndex> evidence; // records that show the step (or its failure)
    RecordIndex keyRecord;       // the one record to show on hover, first evidence by default
    QString note;                // the engineer's own note on the step (never set by the analysis)
};

// Why a failed session failed (domain contract section 9.3).
struct Cause
{
    QString id; // "not-cti-enabled"
    QString title;
    QString explanation;
    QString action;              // what the administrator should change, with the CUCM page and setting
    std::optional<quint32> code; // CTI error code, normalised
    QString stepId;              // the failed step
    QList<RecordIndex> evidence;
};

// One CTI login session: one client connection from provider open to device in service or failure.
struct Session
{
    int number = 0; // 1-based, in order of first record
    QString login;
    QStringList devices;
    QString node;
    QString connection; // "1,200,13,8" (the TCP connection object)
    QString handler;    // "CTIHandler(1,200,22,7)"
    QString providerId;
    qint64 firstMs = -1;
    qint64 lastMs = -1;
    bool tokenLogin = false; // SSO: the LDAP steps are skipped, not failed
    Outcome outcome = Outcome::Incomplete;
    std::optional<Cause> cause;
    QList<StepResult> steps;    // every step of the rules, in flow order
    QList<RecordIndex> records; // all records that belong to the session, in timeline order

    // Index into steps of the failed step, or -1.
    int failedStepIndex() const
    {
        for (int i = 0; i < steps.size(); ++i) {
            if (steps[i].status == StepStatus::Failed)
                return i;
        }
        return -1;
    }
};

QString stepStatusId(StepStatus status); // "passed", "failed", "missing", "not-reached"
QString outcomeId(Outcome outcome);      // "succeeded", "failed", "incomplete"

} // namespace CtiFlow
