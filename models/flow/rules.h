// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "problem.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace CtiFlow {

// What a record must show to match: a signal name and/or texts, optionally refined by texts that
// must not occur and a regular expression. A pattern with a signal matches only that signal's
// records (text and regex apply to the whole record); one without matches AppInfo, AppError and
// other text records. Every pattern names a signal or a text, so matching stays a cheap scan.
struct RulePattern
{
    QByteArray signal;
    QByteArray text;                         // the first (or only) text: found by one scan over the record
    QList<QByteArray> alsoTexts;             // further texts that must all occur ("text" given as an array)
    QList<QByteArray> unless;                // none of these may occur
    std::optional<QRegularExpression> regex; // none when not given; slower, use sparingly

    // textFound: the caller already knows that text occurs in the record (a matcher found it).
    // ownRegex: the caller's own copy of regex, so that threads matching at once share nothing.
    bool matches(QByteArrayView record, bool textFound = false, const QRegularExpression *ownRegex = nullptr) const;
};

struct RuleLane
{
    QString id;
    bool optional = false;
    QStringList processes;
    QList<int> applications;
};

struct RuleStep
{
    QString id;
    QString seed;
    QString from;
    QString to;
    QString label;
    qint64 slowMs = -1; // a step taking longer than this after the previous one is flagged slow
    QList<RulePattern> evidence;
};

// A failure line: the session failed with this cause at this step.
struct RuleSignature
{
    QString cause;
    QString step;
    QString after;  // only when this step already has evidence
    QString before; // only when this step has no evidence yet
    RulePattern match;
};

// A record that may carry a CTI error code (in any spelling); a code there fails the session.
struct RuleCodeCarrier
{
    QString step;
    RulePattern match;
};

struct RuleCause
{
    QString id;
    QString title; // may hold {hex}, {unsigned}, {signed}, {lastStep}
    QString explanation;
    QString action;
};

// The knowledge of the analysis, loaded from JSON (resources/rules/ctiflow-rules.json or a user file).
struct Rules
{
    QString source; // file the rules came from
    QList<RuleLane> lanes;
    QList<RuleStep> steps;
    QList<RuleSignature> signatures;
    QList<RuleCodeCarrier> carriers;
    QHash<quint32, QString> codes; // CTI error code -> cause id
    QList<RuleCause> causes;
    QList<RulePattern> token; // a token (SSO) login
    QHash<QString, QList<QByteArray>> fields;
    QString opensSession;
    QString loginCompletedStep;
    QString successStep;
    qint64 stallMs = 30000;
    QStringList tokenSkips;
    QList<QByteArray> carrierSignals; // signals that tie text records to a connection
    QList<QByteArray> openingSignals; // signals whose lines may open a session on a new connection

    int stepIndex(const QString &id) const;
    const RuleCause *cause(const QString &id) const;
    // Lane of a traced process (by name, or by application id for CallManager), "" when none.
    QString laneOf(QByteArrayView process, int application) const;
};

// The rules compiled into CTI Flow.
const Rules &builtinRules();

// Reads a rules file. On error returns nothing and fills problem with the file, the line (for JSON
// syntax errors) and the reason, which names the place ("steps[3].evidence[0].regex: ...").
std::optional<Rules> loadRules(const QString &path, Problem *problem);

// Same, from text already read (path is only used in messages).
std::optional<Rules> parseRules(const QByteArray &json, const QString &path, Problem *problem);

} // namespace CtiFlow
