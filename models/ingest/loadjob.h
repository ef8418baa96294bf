// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceloader.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace CtiFlow {

// Loads trace files, folders and archives off the GUI thread.
//
//     auto *job = new LoadJob(this);
//     connect(job, &LoadJob::progressChanged, bar, [bar](qint64 done, qint64 total) { ... });
//     connect(job, &LoadJob::finished, this, [](std::shared_ptr<TraceStore> store) { ... });
//     job->start(paths);
//
// progressChanged reports bytes read (compressed sizes for archives and gzip files) against the
// total size of the inputs. cancel() stops reading soon; finished then still delivers a consistent
// store holding every file read completely so far (wasCancelled() is true). A job runs once at a time;
// start() while running is ignored. Deleting a running job cancels it and waits for the threads.
// preview, when given, is called from a loading thread with the first file read (see loadTraces()).
class LoadJob : public QObject
{
    Q_OBJECT

public:
    explicit LoadJob(QObject *parent = nullptr);
    ~LoadJob() override;

    void start(const QStringList &paths, const LoadOptions &options = {}, LoadPreviewCallback preview = {});
    void cancel();

    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled.load(); }

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    // Always emitted once per start(), also after cancel(). Problems are in store->problems().
    void finished(std::shared_ptr<CtiFlow::TraceStore> store);

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished();

    QFutureWatcher<std::shared_ptr<TraceStore>> m_watcher;
    std::atomic_bool m_cancelled = false;
    std::atomic<qint64> m_lastReported = -1;
    bool m_running = false;
};

} // namespace CtiFlow
