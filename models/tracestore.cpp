// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracestore.h"

#include "logging.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace CtiFlow {

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;
// A time of day more than this far below the previous record's means the clock passed midnight;
// smaller steps back are out-of-order writes and are kept as they are.
constexpr int rolloverThresholdMs = 12 * 60 * 60 * 1000;

bool isPadding(char c)
{
    return c == ' ' || c == '\t' || c == '\xA0';
}

// Offset inside line (after from) where another record header starts, as when several records
// were pasted onto one line; -1 when none.
qsizetype embeddedRecordStart(QByteArrayView line, qsizetype from)
{
    for (qsizetype bar = line.indexOf('|', from); bar >= 0; bar = line.indexOf('|', bar + 1)) {
        qsizetype end = bar;
        while (end > from && isPadding(line[end - 1]))
            --end;
        if (end >= 0 && end > 0 && line[end - 1] == '\xC2')
            --end;
        const qsizetype start = end - 12;
        if (start <= from || !isPadding(line[start - 1]))
            continue;
        if (recordHeaderLength(line.sliced(start)) > 0)
            return start;
    }
    return -1;
}

} // namespace

TraceStore::TraceStore()
{
    m_signalNames.emplace_back();
}

int TraceStore::addFile(SourceFile file)
{
    m_files.push_back(std::move(file));
    return int(m_files.size()) - 1;
}

void TraceStore::indexFile(int fileId)
{
    const SourceFile &source = m_files[size_t(fileId)];
    const QByteArrayView text(source.text);
    const qint64 dayStart = source.date.isValid() ? source.date.startOfDay(QTimeZone::UTC).toMSecsSinceEpoch() : 0;
    qint64 day = 0;
    int previousTime = -1;
    qsizetype lineStart = 0;
    quint32 lineNumber = 0;
    qsizetype skippedLines = 0;
    RecordEntry *current = nullptr;
    const qsizetype firstRecord = qsizetype(m_records.size());

    auto startRecord = [&](qsizetype offset, qsizetype lineEnd, quint32 line) {
        RecordFields fields;
        parseRecordFields(text.sliced(offset, lineEnd - offset), fields);
        const int time = parseTimeOfDay(fields.time);
        if (time >= 0 && previousTime >= 0 && time + rolloverThresholdMs < previousTime)
            ++day;
        if (time >= 0)
            previousTime = time;
        RecordEntry entry;
        entry.timeMs = dayStart + day * msPerDay + std::max(time, 0);
        entry.offset = offset;
        entry.length = quint32(lineEnd - offset);
        entry.line = line;
        entry.file = quint32(fileId);
        entry.type = fields.type;
        if (isSignal(fields.type))
            entry.signal = internSignal(fields.signal);
        m_records.push_back(entry);
        current = &m_records.back();
    };

    while (lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf('\n', lineStart);
        const qsizetype next = lineEnd < 0 ? text.size() : lineEnd + 1;
        if (lineEnd < 0)
            lineEnd = text.size();
        qsizetype contentEnd = lineEnd;
        if (contentEnd > lineStart && text[contentEnd - 1] == '\r')
            --contentEnd;
        ++lineNumber;
        const QByteArrayView line = text.sliced(lineStart, contentEnd - lineStart);
        const qsizetype header = recordHeaderLength(line);
        if (header > 0) {
            qsizetype start = 0;
            qsizetype embedded = embeddedRecordStart(line, header);
            while (embedded >= 0) {
                startRecord(lineStart + start, lineStart + embedded - 1, lineNumber);
                start = embedded;
                embedded = embeddedRecordStart(line, embedded + recordHeaderLength(line.sliced(embedded)));
            }
            startRecord(lineStart + start, contentEnd, lineNumber);
        } else if (current) {
            current->length = quint32(contentEnd - current->offset);
        } else if (!line.trimmed().isEmpty()) {
            ++skippedLines;
        }
        lineStart = next;
    }
    if (skippedLines > 0)
        qCDebug(lcTrace) << source.path << "skipped" << skippedLines << "lines before the first record";
    if (qsizetype(m_records.size()) == firstRecord) {
        m_problems.append({source.path, 0, QStringLiteral("no SDL trace records found"), Problem::Severity::Info});
    }
}

void TraceStore::finalize()
{
    mergeTimeline();
}

void TraceStore::mergeTimeline()
{
    // Files of one node in rotation order, file order inside each file; nodes merged by time.
    std::vector<int> fileOrder(m_files.size());
    for (size_t i = 0; i < fileOrder.size(); ++i)
        fileOrder[i] = int(i);
    std::stable_sort(fileOrder.begin(), fileOrder.end(), [this](int a, int b) {
        const SourceFile &fa = m_files[size_t(a)];
        const SourceFile &fb = m_files[size_t(b)];
        if (fa.node != fb.node)
            return fa.node < fb.node;
        return fa.rotation < fb.rotation;
    });
    std::vector<int> rank(m_files.size());
    for (size_t i = 0; i < fileOrder.size(); ++i)
        rank[size_t(fileOrder[i])] = int(i);
    std::stable_sort(m_records.begin(), m_records.end(),
                     [&rank](const RecordEntry &a, const RecordEntry &b) { return rank[a.file] < rank[b.file]; });

    // Split into per-node runs and merge them by adjusted time, keeping each run's order.
    std::vector<std::pair<size_t, size_t>> runs; // [begin, end)
    for (size_t i = 0; i < m_records.size();) {
        const QString &node = m_files[m_records[i].file].node;
        size_t j = i + 1;
        while (j < m_records.size() && m_files[m_records[j].file].node == node)
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

} // namespace CtiFlow
