// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace CtiFlow::Gen {

// Process type numbers differ between CUCM releases (domain notes 1.6); names do not.
enum class Numbering
{
    V105, // CUCM 10.5: CTIHandler(1,200,22,n)
    V14,  // CUCM 14.x: CTIHandler(1,200,12,n)
};

int processType(Numbering numbering, QByteArrayView process);

// One SDL signal record before it gets its sequence number and time.
struct SignalSpec
{
    QByteArray type = QByteArrayLiteral("SdlSig");
    QByteArray name;
    QByteArray state;
    QByteArray destination;
    QByteArray source;
    QByteArray tag;
    QByteArray bracket = QByteArrayLiteral("[R:N-H:0,N:0,L:0,V:0,Z:0,D:0]");
    QByteArray parameters;
};

// A text record (AppInfo, AppError) of a group.
struct TextSpec
{
    QByteArray type = QByteArrayLiteral("AppInfo");
    QByteArray text;
};

// Records that share one 8-digit sequence number: a signal and the lines written while handling it.
struct Group
{
    qint64 delayMs = 0; // after the previous group of the same session
    std::optional<SignalSpec> signal;
    QList<TextSpec> texts;
};

// What one generated login session is meant to show, and what the analysis must find.
struct SessionSpec
{
    int number = 0;
    QByteArray login;
    QByteArray device;
    QByteArray peerIp;
    int peerPort = 0;
    int cucmNode = 1;
    Numbering numbering = Numbering::V105;
    int handler = 0;    // CTIHandler instance
    int connection = 0; // SdlTCPConnection instance
    qint64 providerId = 0;
    QString cause; // empty for success
    bool token = false;
    bool cutAtStart = false; // the trace begins at the Directory step
    bool cutAtEnd = false;   // the trace ends before device open: incomplete
    int codeSpelling = 0;    // 0 hex, 1 unsigned, 2 signed: the spelling unknown-cti-error codes use
    quint32 unknownCode = 0;

    QString outcome() const;
};

// The causes of domain notes 9.3 the generator can produce.
QStringList generatedCauses();

// The CTI error code the session's failure lines carry, 0 when none.
quint32 expectedCode(const SessionSpec &spec);

// Builds the groups of one session, in order, with delays.
QList<Group> planSession(const SessionSpec &spec, QRandomGenerator &random);

} // namespace CtiFlow::Gen
