// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessioncompare.h"

#include "analyzer.h"
#include "traceloader.h"

#include <QByteArray>
#include <QFile>

#include <algorithm>
#include <tuple>

// Resources of a static library are only linked in when something refers to them.
static void initSamplesResource()
{
    Q_INIT_RESOURCE(ctiflow_samples);
}

namespace CtiFlow {

QList<int> referenceSessions(const QList<Session> &sessions, int session, int max)
{
    if (session < 0 || session >= sessions.size() || max <= 0)
        return {};
    const Session &here = sessions[session];
    // (kinship: 0 same user, 1 same node, 2 other; distance in time; index)
    std::vector<std::tuple<int, qint64, int>> ranked;
    for (int i = 0; i < sessions.size(); ++i) {
        const Session &other = sessions[i];
        if (i == session || other.outcome != Outcome::Succeeded)
            continue;
        const bool sameUser = !here.login.isEmpty() && other.login.compare(here.login, Qt::CaseInsensitive) == 0;
        const int kinship = sameUser ? 0 : other.node == here.node ? 1 : 2;
        ranked.emplace_back(kinship, std::abs(other.firstMs - here.firstMs), i);
    }
    const auto count = std::min<size_t>(ranked.size(), size_t(max));
    std::partial_sort(ranked.begin(), ranked.begin() + qsizetype(count), ranked.end());
    QList<int> result;
    for (size_t i = 0; i < count; ++i)
        result.append(std::get<2>(ranked[i]));
    return result;
}

QList<StepComparison> compareSteps(const Session &here, const Session &there)
{
    constexpr qint64 slowerByMs = 100;
    QList<StepComparison> rows;
    for (const StepResult &step : here.steps) {
        StepComparison row;
        row.id = step.id;
        row.label = step.label;
        row.here = step.status;
        row.hereDeltaMs = step.deltaMs;
        const auto match = std::find_if(there.steps.cbegin(), there.steps.cend(),
                                        [&step](const StepResult &other) { return other.id == step.id; });
        if (match != there.steps.cend()) {
            row.inReference = true;
            row.there = match->status;
            row.thereDeltaMs = match->deltaMs;
        }
        const bool passedHere = row.here == StepStatus::Passed;
        const bool passedThere = row.inReference && row.there == StepStatus::Passed;
        if (passedHere != passedThere && row.inReference) {
            row.difference = StepComparison::Difference::Status;
        } else if (passedHere && passedThere && row.hereDeltaMs >= 0 && row.thereDeltaMs >= 0) {
            const qint64 a = row.hereDeltaMs;
            const qint64 b = row.thereDeltaMs;
            if (a >= 2 * b && a - b >= slowerByMs)
                row.difference = StepComparison::Difference::Slower;
            else if (b >= 2 * a && b - a >= slowerByMs)
                row.difference = StepComparison::Difference::Faster;
        }
        rows.append(row);
    }
    return rows;
}

QByteArray textbookTrace()
{
    initSamplesResource();
    QFile file(QStringLiteral(":/ctiflow/samples/jabber-cti-auth-success.sdl.txt"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString textbookTraceName()
{
    return QStringLiteral("Cisco's published success trace");
}

const Session &textbookLogin()
{
    static const Session login = [] {
        LoadOptions options;
        options.texts = {{textbookTraceName(), textbookTrace()}};
        const auto store = loadTraces({}, options);
        const QList<Session> sessions = analyzeSessions(*store);
        return sessions.isEmpty() ? Session{} : sessions.first();
    }();
    return login;
}

} // namespace CtiFlow
