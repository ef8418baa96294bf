// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundlereport.h"

#include "flowtext.h"
#include "redactor.h"
#include "sessionjson.h"
#include "tracestore.h"

#include <QMap>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace CtiFlow {

namespace {

// Users named in a cause's row before the rest are only counted.
constexpr qsizetype namedUsers = 8;

struct CauseGroup
{
    QList<const Session *> sessions; // in the order given
    QStringList users;               // distinct, in order of first failure
};

QString summaryLine(const QList<Session> &sessions)
{
    int succeeded = 0, failed = 0, incomplete = 0;
    qint64 first = -1, last = -1;
    QSet<QString> nodes;
    for (const Session &session : sessions) {
        succeeded += session.outcome == Outcome::Succeeded;
        failed += session.outcome == Outcome::Failed;
        incomplete += session.outcome == Outcome::Incomplete;
        if (session.firstMs >= 0 && (first < 0 || session.firstMs < first))
            first = session.firstMs;
        last = std::max(last, session.lastMs);
        if (!session.node.isEmpty())
            nodes.insert(session.node);
    }
    QStringList nodeList(nodes.cbegin(), nodes.cend());
    nodeList.sort();
    QString line = QStringLiteral("%1 logins: %2 succeeded, %3 failed, %4 incomplete")
                       .arg(sessions.size())
                       .arg(succeeded)
                       .arg(failed)
                       .arg(incomplete);
    if (first >= 0)
        line += QStringLiteral(", from %1 to %2").arg(timeOfDayText(first), timeOfDayText(last));
    if (!nodeList.isEmpty())
        line += QStringLiteral(", on %1").arg(nodeList.join(QStringLiteral(", ")));
    return line + QStringLiteral(".\n");
}

QString example(const Session &session, const TraceStore *store, Redactor &redactor)
{
    const int failed = session.failedStepIndex();
    QString text =
        QStringLiteral("Example: login %1 of %2 at %3 on %4, failed at %5")
            .arg(session.number)
            .arg(redactor.redact(session.login), timeOfDayText(session.firstMs), redactor.redact(session.node),
                 failed >= 0 ? session.steps[failed].label : QStringLiteral("an unknown step"));
    if (store && session.cause && !session.cause->evidence.isEmpty()) {
        const RecordIndex record = session.cause->evidence.first();
        if (record.value >= 0 && record.value < store->recordCount())
            text += QStringLiteral(":\n\n```text\n%1\n%2\n```\n")
                        .arg(redactor.redact(recordLocation(*store, record)),
                             redactor.redact(QString::fromUtf8(store->recordText(record)).section(u'\n', 0, 0)));
        else
            text += QStringLiteral(".\n");
    } else {
        text += QStringLiteral(".\n");
    }
    return text;
}

QString loginTable(const QList<Session> &sessions, Redactor &redactor)
{
    QString out = QStringLiteral("| # | Time | User | Device | Node | Outcome | Failed step | Cause | Code |\n"
                                 "|---|---|---|---|---|---|---|---|---|\n");
    for (const Session &session : sessions) {
        const int failed = session.failedStepIndex();
        QStringList devices;
        for (const QString &device : session.devices)
            devices.append(redactor.redact(device));
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n")
                   .arg(QString::number(session.number), timeOfDayText(session.firstMs),
                        markdownCell(redactor.redact(session.login)), markdownCell(devices.join(QStringLiteral(", "))),
                        markdownCell(redactor.redact(session.node)), outcomeId(session.outcome),
                        failed >= 0 ? markdownCell(session.steps[failed].label) : QString(),
                        session.cause ? markdownCell(redactor.redact(session.cause->title)) : QString(),
                        session.cause && session.cause->code ? formatCtiCode(*session.cause->code) : QString());
    }
    return out;
}

} // namespace

QString bundleReport(const QList<Session> &sessions, const TraceStore *store, Redactor &redactor)
{
    for (const Session &session : sessions) {
        redactor.addUser(session.login);
        for (const QString &device : session.devices)
            redactor.addDevice(device);
    }
    QString out = QStringLiteral("# CTI login report\n\n") + summaryLine(sessions);

    // Causes by how many logins they failed, then by title.
    QMap<QString, CauseGroup> groups;
    for (const Session &session : sessions) {
        if (session.outcome != Outcome::Failed || !session.cause)
            continue;
        CauseGroup &group = groups[session.cause->id];
        group.sessions.append(&session);
        if (!group.users.contains(session.login))
            group.users.append(session.login);
    }
    QList<const CauseGroup *> order;
    for (const CauseGroup &group : std::as_const(groups))
        order.append(&group);
    std::stable_sort(order.begin(), order.end(),
                     [](const CauseGroup *a, const CauseGroup *b) { return a->sessions.size() > b->sessions.size(); });

    if (!order.isEmpty()) {
        out += QStringLiteral("\n## Failures by cause\n\n| Cause | Code | Logins | Users | First | Last |\n"
                              "|---|---|---|---|---|---|\n");
        for (const CauseGroup *group : std::as_const(order)) {
            const Cause &cause = *group->sessions.first()->cause;
            QStringList users;
            for (qsizetype i = 0; i < std::min(group->users.size(), namedUsers); ++i)
                users.append(redactor.redact(group->users[i]));
            if (group->users.size() > namedUsers)
                users.append(QStringLiteral("%1 more").arg(group->users.size() - namedUsers));
            qint64 first = -1, last = -1;
            for (const Session *session : group->sessions) {
                if (first < 0 || session->firstMs < first)
                    first = session->firstMs;
                last = std::max(last, session->firstMs);
            }
            out +=
                QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                    .arg(markdownCell(redactor.redact(cause.title)),
                         cause.code ? formatCtiCode(*cause.code) : QString(), QString::number(group->sessions.size()),
                         markdownCell(users.join(QStringLiteral(", "))), timeOfDayText(first), timeOfDayText(last));
        }
        out += QStringLiteral("\n## What to change\n");
        for (const CauseGroup *group : std::as_const(order)) {
            const Session &first = *group->sessions.first();
            const Cause &cause = *first.cause;
            out += QStringLiteral("\n### %1 (%2)\n\n").arg(redactor.redact(cause.title)).arg(group->sessions.size());
            out += redactor.redact(cause.explanation) + QStringLiteral("\n\n");
            out += QStringLiteral("**What to change:** ") + redactor.redact(cause.action) + QStringLiteral("\n\n");
            out += example(first, store, redactor);
        }
    }

    // The engineer's notes on the logins' steps, where there are any.
    QString notes;
    for (const Session &session : sessions) {
        for (const StepResult &step : session.steps) {
            if (!step.note.isEmpty())
                notes += QStringLiteral("- **Login %1 of %2, %3:** %4\n")
                             .arg(session.number)
                             .arg(markdownCell(redactor.redact(session.login)), markdownCell(step.label),
                                  markdownCell(redactor.redact(step.note)));
        }
    }
    if (!notes.isEmpty())
        out += QStringLiteral("\n## Notes\n\n") + notes;

    out += QStringLiteral("\n## All logins\n\n") + loginTable(sessions, redactor);
    return out;
}

bool writeBundleReport(const QString &path, const QList<Session> &sessions, const TraceStore *store, bool redact,
                       QString *error)
{
    Redactor redactor(redact);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bundleReport(sessions, store, redactor).toUtf8()) < 0 ||
        !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace CtiFlow
