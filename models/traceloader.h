// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracestore.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace CtiFlow {

// Half the physical memory, at most 16 GiB: decompressed text is held in memory, so a zip bomb must
// stop well before the machine runs out.
qint64 defaultMaxDecompressedBytes();

struct LoadOptions
{
    qint64 maxDecompressedBytes = defaultMaxDecompressedBytes(); // whole bundle, after decompression
    int maxArchiveDepth = 4;                                     // archives inside archives
    qint64 maxLineBytes = 1024 * 1024;                           // longer lines are cut and flagged
    QHash<QString, qint64> nodeClockOffsets; // ms added to a node's times (node label as SourceFile::node)
    // Traces already in memory (pasted, or read from standard input), each read as one more input of
    // that name after the paths: plain text, gzip or an archive, like a file.
    struct Text
    {
        QString name; // as problems and record locations show it, "pasted text"
        QByteArray data;
    };
    QList<Text> texts;
};

// Called from the loading threads with bytes read so far and the total expected.
using LoadProgressCallback = std::function<void(qint64 done, qint64 total)>;

// Called from a loading thread with a finalized store holding only one trace file that finished
// reading, while the other files still load: enough to show its sessions early. Returns true when the
// preview was used; false offers the next file read (at most maxPreviewFiles files in all). Not called
// for a single input or once cancelled. Calls never overlap; the loading thread waits for each.
using LoadPreviewCallback = std::function<bool(std::shared_ptr<const TraceStore> preview)>;
constexpr int maxPreviewFiles = 3;

// Reads files, folders and archives into one merged store. Never modifies the inputs. Problems
// (unreadable, skipped, damaged) are in the store's problems(). Returns a partial store when
// cancelled.
std::shared_ptr<TraceStore> loadTraces(const QStringList &paths, const LoadOptions &options = {},
                                       const LoadProgressCallback &progress = {},
                                       const std::atomic_bool *cancelled = nullptr,
                                       const LoadPreviewCallback &preview = {});

} // namespace CtiFlow
