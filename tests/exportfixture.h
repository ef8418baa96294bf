// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

namespace CtiFlow {

inline StepResult fixtureStep(const char *id, const char *seed, const char *label, const char *from, const char *to,
                              StepStatus status, qint64 time, QList<RecordIndex> evidence = {})
{
    StepResult s;
    s.id = QLatin1String(id);
    s.seed = QLatin1String(seed);
    s.label = QLatin1String(label);
    s.from = QLatin1String(from);
    s.to = QLatin1String(to);
    s.status = status;
    s.timeMs = time;
    s.evidence = evidence;
    return s;
}

// A failed session as the analysis builds it for the fixture: the LDAP user bind was refused.
inline Session failedSession()
{
    const qint64 t0 = (8 * 3600 + 59 * 60 + 16) * 1000LL + 944;
    Session session;
    session.number = 1;
    session.login = QStringLiteral("wwhite");
    session.devices = {QStringLiteral("SEP001794625DE5")};
    session.node = QStringLiteral("cucm-pub.joshlab.net");
    session.connection = QStringLiteral("1,200,13,8");
    session.firstMs = t0;
    session.lastMs = t0 + 236;
    session.outcome = Outcome::Failed;
    session.steps = {
        fixtureStep("provider-open-request", "1", "Provider open request", "Jabber", "CTIHandler", StepStatus::Passed,
                    t0, {RecordIndex{0}}),
        fixtureStep("login-check-request", "3", "Login check request", "CTIHandler", "Directory", StepStatus::Passed,
                    t0 + 114, {RecordIndex{1}}),
        fixtureStep("credential-decryption", "4", "Credential decryption", "Directory", "Directory",
                    StepStatus::Missing, -1),
        fixtureStep("ldap-service-bind", "10", "LDAP service bind", "Directory", "LDAP", StepStatus::Passed, t0 + 214,
                    {RecordIndex{3}}),
        fixtureStep("ldap-user-bind", "12", "LDAP user bind", "Directory", "LDAP", StepStatus::Failed, t0 + 227,
                    {RecordIndex{5}}),
        fixtureStep("device-open-request", "15", "Device open request", "Jabber", "CTIHandler", StepStatus::NotReached,
                    -1),
    };
    session.steps[3].slow = true;
    session.steps[3].slowReason = QStringLiteral("LDAP bind took 1.20 s (over 1 s)");
    Cause cause;
    cause.id = QStringLiteral("invalid-credentials");
    cause.title = QStringLiteral("Wrong user id or password");
    cause.explanation = QStringLiteral("The LDAP server refused the password of CN=Walter White.");
    cause.action = QStringLiteral("Check the password in Active Directory; see User Management > End User.");
    cause.code = 0x8CCC0060;
    cause.stepId = QStringLiteral("ldap-user-bind");
    cause.evidence = {RecordIndex{5}, RecordIndex{7}};
    session.cause = cause;
    return session;
}

} // namespace CtiFlow
