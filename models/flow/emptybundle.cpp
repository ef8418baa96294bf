// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptybundle.h"

#include "ctierror.h"
#include "tracepath.h"
#include "tracestore.h"
#include "verdict.h"

#include <QDateTime>
#include <QSet>
#include <QTimeZone>

namespace CtiFlow {

namespace {

// SDL<node>_<application>_<rotation>: the CTI Manager writes application 200, CallManager 100.
constexpr int ctiManagerApplication = 200;
constexpr int callManagerApplication = 100;
// Skipped files named one by one before the rest are only counted.
constexpr qsizetype namedSkips = 4;

QString fileName(const QString &displayPath)
{
    QString name = displayPath;
    name.replace(QLatin1Char('\\'), QLatin1Char('/')).replace(QLatin1Char('!'), QLatin1Char('/'));
    return name.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
}

QString timeText(qint64 ms, bool withDate)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC)
        .toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss"));
}

QString collectAdvice()
{
    return QStringLiteral("Collect the CTI Manager's SDL traces (SDLnnn_200_*.txt.gz in cm/trace/cti/sdl) of every "
                          "node, for the minutes in which the user signed in to Jabber or chose to use the desk phone: "
                          "RTMT > Trace & Log Central > Collect Files > Cisco CTIManager, or on the CUCM command line: "
                          "file get activelog cm/trace/cti/sdl/* reltime minutes 30.");
}

// The files passed over whole, each with its reason, and a sentence for a Jabber client log among them.
void explainSkippedFiles(const TraceStore &store, EmptyBundleExplanation &out)
{
    Problems skipped;
    for (const Problem &problem : store.problems())
        if (problem.line == 0)
            skipped.append(problem);
    for (qsizetype i = 0; i < std::min(skipped.size(), namedSkips); ++i)
        out.details.append(QStringLiteral("%1: %2.").arg(fileName(skipped[i].file), skipped[i].reason));
    if (skipped.size() > namedSkips)
        out.details.append(
            QStringLiteral("%1 more files passed over (Problems lists each).").arg(skipped.size() - namedSkips));
    const bool jabber = std::any_of(skipped.cbegin(), skipped.cend(),
                                    [](const Problem &p) { return p.reason == jabberLogSkipReason(); });
    if (jabber)
        out.details.append(QStringLiteral(
            "A Jabber client log shows only what the client was told; why CUCM refused the login is in the CTI "
            "Manager's traces of the same minutes."));
}

// What the client was told, by the Jabber client logs passed over: the codes with their causes, and
// what to change for the first one.
void explainClientErrors(const TraceStore &store, const Rules &rules, EmptyBundleExplanation &out)
{
    int named = 0;
    QString action;
    for (const Problem &problem : store.problems()) {
        if (!problem.ctiCode || named == namedSkips)
            continue;
        const quint32 code = *problem.ctiCode;
        const Cause cause =
            makeCause(rules, rules.codes.value(code, QStringLiteral("unknown-cti-error")), code, QString());
        out.details.append(QStringLiteral("%1:%2: the client was told %3: %4.")
                               .arg(fileName(problem.file))
                               .arg(problem.line)
                               .arg(ctiErrorHex(code), cause.title));
        if (action.isEmpty() && !cause.action.isEmpty())
            action = QStringLiteral("For %1: %2").arg(ctiErrorHex(code), cause.action);
        ++named;
    }
    if (!action.isEmpty())
        out.details.append(action);
}

} // namespace

QString EmptyBundleExplanation::toText() const
{
    QStringList lines{title};
    lines.append(details);
    if (!advice.isEmpty())
        lines.append(advice);
    return lines.join(QLatin1Char('\n'));
}

std::optional<EmptyBundleExplanation> explainEmptyBundle(const TraceStore &store, qsizetype sessionCount,
                                                         const Rules &rules)
{
    if (sessionCount > 0)
        return std::nullopt;
    EmptyBundleExplanation out;
    out.advice = collectAdvice();
    if (store.recordCount() == 0) {
        out.title = QStringLiteral("No SDL trace record in what was opened");
        if (store.problems().isEmpty())
            out.details.append(QStringLiteral("No file was found to read."));
        explainSkippedFiles(store, out);
        explainClientErrors(store, rules, out);
        return out;
    }

    QSet<int> applications;
    QSet<QString> nodes;
    for (int i = 0; i < store.fileCount(); ++i) {
        applications.insert(store.file(i).application);
        if (!store.file(i).node.isEmpty())
            nodes.insert(store.file(i).node);
    }
    const qint64 first = store.timeMs(RecordIndex{0});
    const qint64 last = store.timeMs(RecordIndex{store.recordCount() - 1});
    const bool days = QDateTime::fromMSecsSinceEpoch(first, QTimeZone::UTC).date() !=
                      QDateTime::fromMSecsSinceEpoch(last, QTimeZone::UTC).date();
    QStringList nodeList(nodes.cbegin(), nodes.cend());
    nodeList.sort();
    QString read = QStringLiteral("%1 records from %2 to %3 in %4 file(s)")
                       .arg(store.recordCount())
                       .arg(timeText(first, days), timeText(last, days))
                       .arg(store.fileCount());
    if (!nodeList.isEmpty())
        read += QStringLiteral(" of %1").arg(nodeList.join(QStringLiteral(", ")));
    out.details.append(read + QLatin1Char('.'));

    if (applications.contains(callManagerApplication) && !applications.contains(ctiManagerApplication)) {
        out.title = QStringLiteral("CallManager traces, not the CTI Manager's");
        out.details.append(QStringLiteral(
            "These are CallManager SDL traces (SDLnnn_100_*): a Jabber client's control of a desk phone, and its "
            "login, run in the CTI Manager, which writes traces of its own."));
    } else {
        out.title = QStringLiteral("No CTI login in these traces");
        out.details.append(QStringLiteral(
            "No record is a step of a CTI login (a provider open, a login check, a device open): the login to look "
            "at happened before or after these minutes, or on another node."));
    }
    explainSkippedFiles(store, out);
    explainClientErrors(store, rules, out);
    return out;
}

} // namespace CtiFlow
