// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-made sessions for the GUI tests, shaped like the analyser's output (domain contract 9.2).

#include "flow/session.h"

namespace CtiFlow::TestSessions {

struct StepSpec
{
    const char *id;
    const char *label;
    const char *seed;
    const char *from;
    const char *to;
};

inline const QList<StepSpec> &loginSteps()
{
    static const QList<StepSpec> steps = {
        {"provider-open-request", "Provider open request", "1", "Jabber", "CTIHandler"},
        {"provider-open-response", "Provider open response", "2", "CTIHandler", "Jabber"},
        {"login-check-request", "Login check request", "3", "CTIHandler", "Directory"},
        {"credential-decryption", "Credential decryption", "4", "Directory", "Directory"},
        {"credential-lookup", "Credential lookup", "5", "Directory", "Directory"},
        {"credential-policy", "Credential policy", "6", "Directory", "Directory"},
        {"ldap-authentication", "LDAP authentication", "7", "Directory", "Directory"},
        {"ldap-connect", "LDAP connect", "8", "Directory", "LDAP"},
        {"ldap-initialize", "LDAP initialize", "9", "LDAP", "Directory"},
        {"ldap-service-bind", "LDAP service bind", "10", "Directory", "LDAP"},
        {"ldap-user-search", "LDAP user search", "11", "Directory", "LDAP"},
        {"ldap-user-bind", "LDAP user bind", "12", "Directory", "LDAP"},
        {"login-check-response", "Login check response", "13", "Directory", "CTIHandler"},
        {"user-settings-request", "User settings request", "13", "CTIHandler", "DbAccess"},
        {"user-settings-response", "User settings response", "14", "DbAccess", "CTIHandler"},
        {"device-list-fetch", "Device list fetch", "", "DbAccess", "CTIHandler"},
        {"provider-open-completed", "Provider open completed", "", "CTIHandler", "Jabber"},
        {"device-open-request", "Device open request", "15", "Jabber", "CTIHandler"},
        {"device-open-response", "Device open response", "16", "CTIHandler", "Jabber"},
        {"device-in-service", "Device in service", "17", "CTIHandler", "Jabber"},
        {"line-open", "Line open", "", "Jabber", "CTIHandler"},
    };
    return steps;
}

// A login that passes every step up to `failedStep` (which fails, the rest not reached); an empty
// failedStep gives a succeeded session. Steps are 100 ms apart from 08:59:16.900 on 2026-01-05.
inline Session loginSession(const QString &failedStep = {}, const QString &login = QStringLiteral("wwhite"))
{
    Session session;
    session.number = 1;
    session.login = login;
    session.devices = {QStringLiteral("SEP001794625DE5")};
    session.node = QStringLiteral("cucm-pub");
    const qint64 start = 1767603556900; // 2026-01-05 08:59:16.900 as UTC-less local time
    bool stopped = false;
    for (const StepSpec &spec : loginSteps()) {
        StepResult step;
        step.id = QString::fromLatin1(spec.id);
        step.label = QString::fromLatin1(spec.label);
        step.seed = QString::fromLatin1(spec.seed);
        step.from = QString::fromLatin1(spec.from);
        step.to = QString::fromLatin1(spec.to);
        if (!stopped) {
            step.status = step.id == failedStep ? StepStatus::Failed : StepStatus::Passed;
            step.timeMs = start + 100 * session.steps.size();
            step.deltaMs = session.steps.isEmpty() ? -1 : 100;
        }
        stopped = stopped || step.status == StepStatus::Failed;
        session.steps.append(step);
    }
    session.firstMs = start;
    session.lastMs = start + 100 * (session.steps.size() - 1);
    session.outcome = failedStep.isEmpty() ? Outcome::Succeeded : Outcome::Failed;
    if (!failedStep.isEmpty()) {
        session.cause = Cause{QStringLiteral("invalid-credentials"),
                              QStringLiteral("Wrong password"),
                              QStringLiteral("The LDAP server refused the user's bind: the password does not match."),
                              QStringLiteral("Check the user's password in the directory, then sign in again."),
                              0x8CCC0060u,
                              failedStep,
                              {}};
    }
    return session;
}

} // namespace CtiFlow::TestSessions
