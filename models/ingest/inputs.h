// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "problem.h"
#include "traceloader.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <atomic>
#include <vector>

namespace CtiFlow {

// One candidate trace file found in the inputs: a file on disk or an archive member in memory.
struct InputFile
{
    QString displayPath; // "bundle.zip!node1/cm/trace/cti/sdl/SDL001_200_000001.txt.gz"
    QString diskPath;    // set for files on disk (read through a memory map)
    QByteArray data;     // archive member content, possibly gzip
    QDateTime modified;  // file mtime or archive entry time
    qint64 weight = 0;   // bytes counted for progress
};

// Shared by the threads of one load: how many decompressed bytes are held against the limit.
struct LoadBudget
{
    explicit LoadBudget(qint64 maxBytes)
        : limit(maxBytes)
    {}
    // Takes bytes from the budget; false (and nothing taken) when that would pass the limit.
    bool take(qint64 bytes);
    qint64 remaining() const { return limit - used.load(); }
    QString limitMessage() const;

    const qint64 limit;
    std::atomic<qint64> used = 0;
};

// Walks the given files, folders (recursively, in name order) and archives (zip, tar, tar.gz,
// nested, read in memory and never extracted) and lists every file in them. What cannot be read
// goes to problems.
std::vector<InputFile> collectInputs(const QStringList &paths, const LoadOptions &options, LoadBudget &budget,
                                     Problems &problems, const std::atomic_bool *cancelled);

// As collectInputs() for one input already in memory (an archive, a gzip or a plain file) that
// display names; used by the fuzz targets.
std::vector<InputFile> collectInputsFromData(QByteArray data, const QString &display, const LoadOptions &options,
                                             LoadBudget &budget, Problems &problems);

} // namespace CtiFlow
