// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracestore.h"

#include "hugepages.h"
#include "logging.h"
#include "recordscanner.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <limits>

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
    rebaseScanned(scanned, m_files[size_t(fileId)].date);
    takeScanProblems(fileId, scanned);
    for (RecordEntry &entry : scanned.records)
        entry.file = quint32(fileId);
    m_records.insert(m_records.end(), scanned.records.begin(), scanned.records.end());
    m_merged = false;
    m_stretches.clear();
}

void TraceStore::rebaseScanned(ScannedFile &scanned, QDate date)
{
    const qint64 dayStart = date.isValid() ? date.startOfDay(QTimeZone::UTC).toMSecsSinceEpoch() : 0;
    std::vector<quint16> signalIds(scanned.signalNames.size());
    {
        const std::lock_guard lock(m_internMutex);
        for (size_t i = 1; i < signalIds.size(); ++i)
            signalIds[i] = internSignal(scanned.signalNames[i]);
    }
    for (RecordEntry &entry : scanned.records) {
        entry.timeMs += dayStart;
        entry.signal = signalIds[entry.signal];
    }
    scanned.signalNames.resize(1);
}

void TraceStore::takeScanProblems(int fileId, ScannedFile &scanned)
{
    const SourceFile &source = m_files[size_t(fileId)];
    if (scanned.records.empty())
        m_problems.append({source.path, 0, QStringLiteral("no SDL trace records found"), Problem::Severity::Info});
    for (Problem &problem : scanned.problems) {
        problem.file = source.path;
        m_problems.append(std::move(problem));
    }
    scanned.problems.clear();
    if (scanned.skippedLines > 0)
        qCDebug(lcTrace) << source.path << "skipped" << scanned.skippedLines << "lines before the first record";
}

void TraceStore::finalize()
{
    if (!m_merged)
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

std::vector<int> TraceStore::fileRuns() const
{
    std::vector<int> runs(m_files.size());
    QHash<std::pair<QString, int>, int> ids;
    for (size_t f = 0; f < m_files.size(); ++f) {
        const std::pair<QString, int> key(m_files[f].node, m_files[f].application);
        runs[f] = int(ids.value(key, int(ids.size())));
        ids.insert(key, runs[f]);
    }
    return runs;
}

std::vector<qint64> TraceStore::fileOffsets() const
{
    std::vector<qint64> offsets(m_files.size());
    for (size_t f = 0; f < m_files.size(); ++f)
        offsets[f] = m_nodeOffsets.value(m_files[f].node);
    return offsets;
}

namespace {

// One run of the timeline: consecutive slices of records, read front to back.
struct Run
{
    std::vector<std::pair<RecordEntry *, RecordEntry *>> slices;
    std::vector<qint64> fileIds;                    // per slice: the file id to set, or -1 to keep
    std::vector<std::vector<RecordEntry> *> owners; // released when their slice is used up, may be null
    size_t slice = 0;
    qint64 offset = 0; // the node's clock offset: a run is one node's records
    int id = 0;        // as fileRuns() numbers runs

    bool atEnd() const { return slice == slices.size(); }
    const RecordEntry &front() const { return *slices[slice].first; }
    void nextSlice()
    {
        if (owners[slice])
            *owners[slice] = {};
        ++slice;
        while (slice < slices.size() && slices[slice].first == slices[slice].second)
            nextSlice();
    }
};

// Notes that out[begin, end) came from one run.
void addStretch(std::vector<TraceStore::Stretch> &stretches, size_t begin, size_t end, int run)
{
    if (begin == end)
        return;
    if (!stretches.empty() && stretches.back().run == run && stretches.back().end == qsizetype(begin))
        stretches.back().end = qsizetype(end);
    else
        stretches.push_back({qsizetype(begin), qsizetype(end), run});
}

// Merges runs by time (node clock offsets applied), keeping each run's order; ties go to the earlier
// run. Appends to out, and to stretches what came from which run.
void mergeRuns(std::vector<Run> &runs, const std::vector<qint64> &offsets, std::vector<RecordEntry> &out,
               std::vector<TraceStore::Stretch> &stretches)
{
    std::vector<Run *> live;
    for (Run &run : runs) {
        if (!run.slices.empty() && run.slices.front().first == run.slices.front().second)
            run.nextSlice();
        if (run.atEnd())
            continue;
        const qint64 file = run.fileIds[run.slice];
        run.offset = offsets[size_t(file >= 0 ? file : run.front().file)];
        live.push_back(&run);
    }
    const auto time = [](const Run &run) { return run.front().timeMs + run.offset; };
    while (live.size() > 1) {
        size_t best = 0;
        qint64 bestTime = time(*live[0]);
        for (size_t i = 1; i < live.size(); ++i) {
            const qint64 t = time(*live[i]);
            if (t < bestTime) {
                best = i;
                bestTime = t;
            }
        }
        // Take records from the best run while they stay at or before the runner-up's head.
        qint64 limit = std::numeric_limits<qint64>::max();
        for (size_t i = 0; i < live.size(); ++i) {
            if (i != best)
                limit = std::min(limit, time(*live[i]) - (i < best ? 1 : 0));
        }
        Run &run = *live[best];
        const size_t start = out.size();
        bool head = true; // the best run's head is taken whatever the limit
        while (!run.atEnd()) {
            auto &[next, end] = run.slices[run.slice];
            const qint64 fileId = run.fileIds[run.slice];
            RecordEntry *p = next;
            for (; p != end && (head || p->timeMs + run.offset <= limit); ++p) {
                head = false;
                out.push_back(*p);
                if (fileId >= 0)
                    out.back().file = quint32(fileId);
            }
            next = p;
            if (p != end)
                break;
            run.nextSlice();
        }
        addStretch(stretches, start, out.size(), run.id);
        if (run.atEnd())
            live.erase(live.begin() + qsizetype(best));
    }
    if (live.empty())
        return;
    // One run left: copy its slices whole.
    for (Run *run = live.front(); !run->atEnd(); run->nextSlice()) {
        const size_t first = out.size();
        out.insert(out.end(), run->slices[run->slice].first, run->slices[run->slice].second);
        if (run->fileIds[run->slice] >= 0) {
            for (size_t i = first; i < out.size(); ++i)
                out[i].file = quint32(run->fileIds[run->slice]);
        }
        addStretch(stretches, first, out.size(), run->id);
    }
}

} // namespace

void TraceStore::adoptRecords(std::vector<std::pair<int, std::vector<RecordEntry>>> files)
{
    const std::vector<int> runOfFile = fileRuns();
    std::vector<Run> runs;
    std::vector<int> runIds;
    size_t total = m_records.size();
    for (auto &[fileId, records] : files) {
        if (records.empty())
            continue;
        total += records.size();
        const int id = runOfFile[size_t(fileId)];
        auto it = std::find(runIds.begin(), runIds.end(), id);
        if (it == runIds.end()) {
            runIds.push_back(id);
            runs.emplace_back();
            runs.back().id = id;
            it = runIds.end() - 1;
        }
        Run &run = runs[size_t(it - runIds.begin())];
        run.slices.emplace_back(records.data(), records.data() + records.size());
        run.fileIds.push_back(fileId);
        run.owners.push_back(&records);
    }
    // Records added before (indexFile) are not part of the runs: let finalize() merge everything.
    m_merged = m_records.empty();
    m_records.reserve(total);
    adviseHugePages(m_records);
    m_stretches.clear();
    mergeRuns(runs, fileOffsets(), m_records, m_stretches);
    if (!m_merged)
        m_stretches.clear();
}

void TraceStore::mergeTimeline()
{
    const std::vector<int> rank = fileRanks();
    const auto byRank = [&rank](const RecordEntry &a, const RecordEntry &b) { return rank[a.file] < rank[b.file]; };
    // Loaders append files in rank order already; only a re-merge needs the sort.
    if (!std::is_sorted(m_records.begin(), m_records.end(), byRank))
        std::stable_sort(m_records.begin(), m_records.end(), byRank);
    const std::vector<int> runOfFile = fileRuns();
    std::vector<Run> runs;
    for (size_t i = 0; i < m_records.size();) {
        size_t j = i + 1;
        while (j < m_records.size() && runOfFile[m_records[j].file] == runOfFile[m_records[i].file])
            ++j;
        runs.push_back({{{m_records.data() + i, m_records.data() + j}}, {-1}, {nullptr}});
        runs.back().id = runOfFile[m_records[i].file];
        i = j;
    }
    m_merged = true;
    m_stretches.clear();
    if (runs.size() <= 1) {
        if (!runs.empty())
            m_stretches.push_back({0, recordCount(), runs.front().id});
        return;
    }
    std::vector<RecordEntry> merged;
    merged.reserve(m_records.size());
    adviseHugePages(merged);
    mergeRuns(runs, fileOffsets(), merged, m_stretches);
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
    qint64 bytes = qint64(m_records.capacity() * sizeof(RecordEntry) + m_stretches.capacity() * sizeof(Stretch));
    for (const QByteArray &name : m_signalNames)
        bytes += name.size() + qint64(sizeof(QByteArray)) + 16; // name, table slot, hash node
    return bytes;
}

} // namespace CtiFlow
