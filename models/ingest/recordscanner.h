// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "problem.h"
#include "tracestore.h"

#include <QByteArrayView>
#include <QHash>

#include <atomic>
#include <vector>

namespace CtiFlow {

// The records of one file's text, found without touching any shared state so that files can be
// scanned in parallel; TraceStore::appendScanned() then adds them to the store.
struct ScannedFile
{
    // file is 0; signal is an index into signalNames; timeMs counts from midnight of the first
    // record's day and includes midnight rollovers.
    std::vector<RecordEntry> records;
    std::vector<QByteArrayView> signalNames{QByteArrayView()}; // views into the text; 0 is "no signal"
    QList<Problem> problems;                                   // file left empty: the caller knows it
    qint64 lastTimeMs = 0;
    qint64 skippedLines = 0; // non-record lines before the first record
    bool cancelled = false;
};

struct ScanOptions
{
    qint64 maxLineBytes = 1024 * 1024; // longer lines are cut here and flagged
    const std::atomic_bool *cancelled = nullptr;
    // Called now and then with the bytes scanned since the last call.
    std::function<void(qint64)> progress;
};

// Splits text into records (domain notes 1.1): a line starting with a record header starts a
// record, other lines continue the one before, and a header in the middle of a line (pasted
// excerpts) starts another record on that line.
ScannedFile scanRecords(QByteArrayView text, const ScanOptions &options = {});

} // namespace CtiFlow
