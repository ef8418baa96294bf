// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadcontroller.h"

#include "loadjob.h"
#include "uilogging.h"

#include <QThreadPool>

#include <algorithm>

namespace CtiFlow {

LoadController::LoadController(QObject *parent)
    : QObject(parent)
{}

LoadController::~LoadController()
{
    cancel();
    // An analysis still running holds a copy of the analyzer and the store, never `this`, but wait so
    // that no work outlives the window. A preview being analysed on a loading thread (the LoadJob runs
    // on the global pool too) does post to `this`: it is done once the pool is.
    QThreadPool::globalInstance()->waitForDone();
}

void LoadController::start(const QStringList &paths, const LoadOptions &options)
{
    cancel();
    const quint64 generation = ++m_generation;
    auto *job = new LoadJob(this);
    m_job = job;
    m_running = true;
    connect(job, &LoadJob::progressChanged, this, [this, generation](qint64 done, qint64 total) {
        if (generation == m_generation)
            Q_EMIT progressChanged(done, total);
    });
    connect(job, &LoadJob::finished, this, [this, job, generation, paths](std::shared_ptr<TraceStore> store) {
        job->deleteLater();
        onStoreLoaded(generation, paths, std::move(store), job->wasCancelled());
    });
    Q_EMIT loadStarted(paths);
    job->start(paths, options, previewCallback(generation, paths));
}

LoadPreviewCallback LoadController::previewCallback(quint64 generation, const QStringList &paths)
{
    if (!m_analyzer)
        return {};
    // Runs on a loading thread, which the destructor waits for (the global pool), so `this` outlives it.
    return [this, generation, paths, analyzer = m_analyzer](std::shared_ptr<const TraceStore> store) {
        LoadResult preview{paths, std::move(store), {}, false, true};
        preview.sessions = analyzer(*preview.store);
        const bool anyComplete = std::any_of(preview.sessions.cbegin(), preview.sessions.cend(),
                                             [](const Session &s) { return s.outcome != Outcome::Incomplete; });
        qCDebug(lcUi) << "preview of" << preview.store->recordCount() << "records:" << preview.sessions.size()
                      << "sessions, complete ones:" << anyComplete;
        if (!anyComplete)
            return false; // the loader offers the next file read
        QMetaObject::invokeMethod(
            this, [this, generation, preview = std::move(preview)] { showPreview(generation, preview); },
            Qt::QueuedConnection);
        return true;
    };
}

void LoadController::showPreview(quint64 generation, const LoadResult &preview)
{
    // Dropped once superseded, finished or cancelled: the final result is what stays.
    if (generation != m_generation || !m_running || !m_job || m_job->wasCancelled())
        return;
    Q_EMIT previewReady(preview);
}

void LoadController::cancel()
{
    if (m_job)
        m_job->cancel();
}

void LoadController::onStoreLoaded(quint64 generation, const QStringList &paths, std::shared_ptr<TraceStore> store,
                                   bool cancelled)
{
    if (generation != m_generation) {
        qCDebug(lcUi) << "dropping the result of a superseded load of" << paths;
        return;
    }
    LoadResult result{paths, store, {}, cancelled};
    // A cancelled load still holds whole files: its sessions are analysed like any other bundle's.
    if (!m_analyzer) {
        finish(generation, std::move(result));
        return;
    }
    const QPointer<LoadController> self(this);
    QThreadPool::globalInstance()->start([self, generation, result, analyzer = m_analyzer]() mutable {
        result.sessions = analyzer(*result.store);
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, generation, result = std::move(result)]() mutable {
            if (self)
                self->finish(generation, std::move(result));
        });
    });
}

void LoadController::finish(quint64 generation, LoadResult result)
{
    if (generation != m_generation)
        return;
    m_running = false;
    m_job = nullptr;
    Q_EMIT loadFinished(result);
}

} // namespace CtiFlow
