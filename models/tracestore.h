// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "problem.h"
#include "record.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QString>

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace CtiFlow {

struct ScannedFile;

// One trace file as read: its text is kept once, records point into it.
struct SourceFile
{
    QString path;      // display path; inside an archive "bundle.zip!node1/cm/trace/cti/sdl/SDL001_200_000042.txt.gz"
    QString node;      // node label: the RTMT/CLI folder name, else "node <n>" from the file name, else ""
    int cucmNode = -1; // from SDL<node>_<app>_<rotation>
    int application = -1;
    qint64 rotation = -1;
    QDate date;      // day of the file's first record (records carry only a time of day)
    QByteArray text; // whole (decompressed) content; may point into a memory-mapped file the store owns
};

// Compact per-record index entry; the text itself stays in SourceFile::text.
struct RecordEntry
{
    qint64 timeMs = 0;  // ms since the epoch (UTC-less local time): file date + time of day + rollovers
    qint64 offset = 0;  // of the record's first byte in its file
    quint32 length = 0; // bytes, continuation lines included, line break excluded
    quint32 line = 0;   // 1-based physical line of the record's first line
    quint32 file = 0;   // index into the store's files
    quint16 signal = 0; // interned signal name, 0 when the record is no signal
    RecordType type = RecordType::Other;
    // Set by the scanner when the record has the sequence number of the record before it in its file
    // (lines written while handling one signal), so that the analysis need not read it again.
    quint8 sameGroupAsPrevious : 1 = 0;
};
static_assert(sizeof(RecordEntry) <= 32, "millions of records: keep the per-record index small");

// All records of a bundle, merged into one timeline. Built by the loader, then read-only and shared
// between the analysis, the item models and the exports.
class TraceStore
{
public:
    TraceStore();

    int addFile(SourceFile file);
    // As addFile(); owner keeps memory alive that file.text points into (a mapped file).
    int addFile(SourceFile file, std::shared_ptr<const void> owner);
    // Parses the file's text and appends its records (in file order). Problems go to problems().
    void indexFile(int fileId);
    // Appends records found by scanRecords() (in file order), moving their times to the file's date
    // and their signal names into the store's table. Problems get the file's path.
    void appendScanned(int fileId, ScannedFile &&scanned);
    // The loader's faster path, for files scanned in parallel. rebaseScanned() moves a scanned file's
    // records to the file's date and the store's signal ids (interning takes a lock, so threads may
    // call it at once); addFile() and takeScanProblems() then run on one thread, and adoptRecords()
    // merges the files' records (each file's in file order) into the timeline in one pass, setting
    // their file ids and releasing each vector as it goes, so finalize() has nothing left to do.
    void rebaseScanned(ScannedFile &scanned, QDate date);
    void takeScanProblems(int fileId, ScannedFile &scanned);
    void adoptRecords(std::vector<std::pair<int, std::vector<RecordEntry>>> files);
    void reserveRecords(qsizetype count) { m_records.reserve(size_t(count)); }
    // Orders the files of one node and application by rotation, then merges these runs by time
    // (node clock offsets applied). Call after all files are in.
    void finalize();

    int fileCount() const { return int(m_files.size()); }
    const SourceFile &file(int id) const { return m_files[size_t(id)]; }

    qsizetype recordCount() const { return qsizetype(m_records.size()); }
    const RecordEntry &entry(RecordIndex index) const { return m_records[size_t(index.value)]; }
    QByteArrayView recordText(RecordIndex index) const;
    RecordFields fields(RecordIndex index) const;
    QByteArrayView signalName(RecordIndex index) const;
    LineNumber line(RecordIndex index) const { return {entry(index).line}; }
    const SourceFile &fileOf(RecordIndex index) const { return file(int(entry(index).file)); }
    qint64 timeMs(RecordIndex index) const; // node clock offset applied

    // Shifts one node's clock (ms) and re-merges the timeline; record indexes change.
    void setNodeClockOffset(const QString &node, qint64 offsetMs);
    qint64 nodeClockOffset(const QString &node) const { return m_nodeOffsets.value(node); }

    quint16 internSignal(QByteArrayView name);
    quint16 signalId(QByteArrayView name) const;
    QByteArrayView signalNameById(quint16 id) const;

    const Problems &problems() const { return m_problems; }
    void addProblem(Problem problem) { m_problems.append(std::move(problem)); }

    std::vector<RecordEntry> &records() { return m_records; }
    const std::vector<RecordEntry> &records() const { return m_records; }

    // Bytes held per record beyond the trace text: the index entry plus its share of the tables.
    qint64 indexBytes() const;

    // The timeline as the merge took it: stretches of consecutive records of one run (the files of
    // one node and application), in order, covering every record; empty while records added since
    // the last merge wait for finalize(). Nodes take turns in the timeline a few hundred records at
    // a time, so that a reader of one node's records can pass over the others' stretches whole.
    struct Stretch
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        int run = 0; // as fileRuns() numbers them
    };
    const std::vector<Stretch> &stretches() const { return m_stretches; }
    std::vector<int> fileRuns() const; // per file: its run (node and application), equal ids = same run

private:
    void mergeTimeline();
    std::vector<int> fileRanks() const;
    std::vector<qint64> fileOffsets() const;

    std::vector<SourceFile> m_files;
    std::vector<std::shared_ptr<const void>> m_owners; // mapped files the texts point into
    std::vector<RecordEntry> m_records;
    std::vector<Stretch> m_stretches;
    std::vector<QByteArray> m_signalNames; // id -> name; id 0 is ""
    QHash<QByteArray, quint16> m_signalIds;
    std::mutex m_internMutex; // rebaseScanned() interns from loader threads
    QHash<QString, qint64> m_nodeOffsets;
    Problems m_problems;
    bool m_merged = true; // m_records is the merged timeline
};

} // namespace CtiFlow
