// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracestore.h"

#include "logging.h"
#include "recordscanner.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace CtiFlow {

TraceStore::TraceStore()
{
    m_signalNames.emplace_back();
}

int TraceStore::addFile(SourceFile file)
{
    m_files.push_back(std::move(file));
    return int(m_files.size()) - 1;
}

int TraceStore::addFile(SourceFile file, std::shared_ptr<const void> owner)
{
    if (owner)
        m_owners.push_back(std::move(owner));
    return addFile(std::move(file));
}

void TraceStore::indexFile(int fileId)
{
    appendScanned(fileId, scanRecords(m_files[size_t(fileId)].text));
}

void TraceStore::appendScanned(int fileId, ScannedFile &&scanned)
{
    const SourceFile &source = m_files[size_t(fileId)];
    const qint64 dayStart = source.date.isValid() ? source.date.startOfDay(QTimeZone::UTC).toMSecsSinceEpoch() : 0;
    std::vector<quint16> signalIds(scanned.signalNames.size());
    for (size_t i = 1; i < signalIds.size(); ++i)
        signalIds[i] = internSignal(scanned.signalNames[i]);
    if (scanned.records.empty())
        m_problems.append({source.path, 0, QStringLiteral("no SDL trace records found"), Problem::Severity::Info});
    for (RecordEntry entry : scanned.records) {
        entry.timeMs += dayStart;
        entry.file = quint32(fileId);
        entry.signal = signalIds[entry.signal];
        m_records.push_back(entry);
    }
    scanned.records = {};
    for (Problem &problem : scanned.problems) {
        problem.file = source.path;
        m_problems.append(std::move(problem));
    }
    if (scanned.skippedLines > 0)
        qCDebug(lcTrace) << source.path << "skipped" << scanned.skippedLines << "lines before the first record";
}

void TraceStore::finalize()
{
    mergeTimeline();
}

std::vector<int> TraceStore::fileRanks() const
{
    // Runs are one node's files of one application, in rotation order (load order for equal or
    // unknown rotations).
    std::vector<int> order(m_files.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const SourceFile &fa = m_files[size_t(a)];
        const SourceFile &fb = m_files[size_t(b)];
        if (fa.node != fb.node)
            return fa.node < fb.node;
        if (fa.application != fb.application)
            return fa.application < fb.application;
        return fa.rotation < fb.rotation;
    });
    std::vector<int> rank(m_files.size());
    for (size_t i = 0; i < order.size(); ++i)
        rank[size_t(order[i])] = int(i);
    return rank;
}

void TraceStore::mergeTimeline()
{
    const std::vector<int> rank = fileRanks();
    const auto byRank = [&rank](const RecordEntry &a, const RecordEntry &b) { return rank[a.file] < rank[b.file]; };
    // Loaders append files in rank order already; only a re-merge needs the sort.
    if (!std::is_sorted(m_records.begin(), m_records.end(), byRank))
        std::stable_sort(m_records.begin(), m_records.end(), byRank);

    const auto sameRun = [this](const RecordEntry &a, const RecordEntry &b) {
        const SourceFile &fa = m_files[a.file];
        const SourceFile &fb = m_files[b.file];
        return a.file == b.file || (fa.node == fb.node && fa.application == fb.application);
    };
    std::vector<std::pair<size_t, size_t>> runs; // [begin, end)
    for (size_t i = 0; i < m_records.size();) {
        size_t j = i + 1;
        while (j < m_records.size() && sameRun(m_records[i], m_records[j]))
            ++j;
        runs.emplace_back(i, j);
        i = j;
    }
    if (runs.size() <= 1)
        return;
    std::vector<qint64> offsets(m_files.size());
    for (size_t f = 0; f < m_files.size(); ++f)
        offsets[f] = m_nodeOffsets.value(m_files[f].node);
    std::vector<RecordEntry> merged;
    merged.reserve(m_records.size());
    while (true) {
        int best = -1;
        qint64 bestTime = 0;
        for (size_t r = 0; r < runs.size(); ++r) {
            if (runs[r].first == runs[r].second)
                continue;
            const RecordEntry &e = m_records[runs[r].first];
            const qint64 t = e.timeMs + offsets[e.file];
            if (best < 0 || t < bestTime) {
                best = int(r);
                bestTime = t;
            }
        }
        if (best < 0)
            break;
        merged.push_back(m_records[runs[size_t(best)].first++]);
    }
    m_records = std::move(merged);
}

QByteArrayView TraceStore::recordText(RecordIndex index) const
{
    const RecordEntry &e = entry(index);
    return QByteArrayView(m_files[e.file].text).sliced(e.offset, e.length);
}

RecordFields TraceStore::fields(RecordIndex index) const
{
    RecordFields result;
    parseRecordFields(recordText(index), result);
    return result;
}

QByteArrayView TraceStore::signalName(RecordIndex index) const
{
    return signalNameById(entry(index).signal);
}

qint64 TraceStore::timeMs(RecordIndex index) const
{
    const RecordEntry &e = entry(index);
    return e.timeMs + m_nodeOffsets.value(m_files[e.file].node);
}

void TraceStore::setNodeClockOffset(const QString &node, qint64 offsetMs)
{
    m_nodeOffsets.insert(node, offsetMs);
    mergeTimeline();
}

quint16 TraceStore::internSignal(QByteArrayView name)
{
    if (name.isEmpty())
        return 0;
    const auto it = m_signalIds.constFind(name.toByteArray());
    if (it != m_signalIds.cend())
        return *it;
    if (m_signalNames.size() >= 0xFFFF) {
        qCWarning(lcTrace) << "more than 65535 distinct signal names; further names are not told apart";
        return 0;
    }
    const auto id = quint16(m_signalNames.size());
    m_signalNames.push_back(name.toByteArray());
    m_signalIds.insert(m_signalNames.back(), id);
    return id;
}

quint16 TraceStore::signalId(QByteArrayView name) const
{
    return m_signalIds.value(name.toByteArray(), 0);
}

QByteArrayView TraceStore::signalNameById(quint16 id) const
{
    return id < m_signalNames.size() ? QByteArrayView(m_signalNames[id]) : QByteArrayView();
}

qint64 TraceStore::indexBytes() const
{
    qint64 bytes = qint64(m_records.capacity() * sizeof(RecordEntry));
    for (const QByteArray &name : m_signalNames)
        bytes += name.size() + qint64(sizeof(QByteArray)) + 16; // name, table slot, hash node
    return bytes;
}

} // namespace CtiFlow
