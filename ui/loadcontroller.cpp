// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadcontroller.h"

#include "traceloader.h"
#include "uilogging.h"

#include <QPointer>
#include <QThreadPool>

namespace CtiFlow {

struct LoadController::Job
{
    QStringList paths;
    std::atomic_bool cancelled = false;
    std::atomic<qint64> done = 0;
    std::atomic<qint64> total = 0;
    LoadResult result;
};

LoadController::LoadController(QObject *parent)
    : QObject(parent)
{}

LoadController::~LoadController()
{
    cancel();
    // The job's thread reads the analyzer and the paths it owns; wait so that it never outlives us.
    QThreadPool::globalInstance()->waitForDone();
}

void LoadController::start(const QStringList &paths)
{
    cancel();
    auto job = std::make_shared<Job>();
    job->paths = paths;
    m_job = job;
    m_running = true;
    Q_EMIT loadStarted(paths);

    const QPointer<LoadController> self(this);
    const SessionAnalyzer analyzer = m_analyzer;
    QThreadPool::globalInstance()->start([job, analyzer, self] {
        const auto progress = [job, self](qint64 done, qint64 total) {
            // Report only when a visible step changes, so that fast loaders do not flood the event loop.
            const qint64 previous = job->done.exchange(done);
            job->total = total;
            if (total > 0 && previous * 100 / total == done * 100 / total)
                return;
            QMetaObject::invokeMethod(self.data(), [self, done, total] {
                if (self)
                    Q_EMIT self->progressChanged(done, total);
            });
        };
        std::shared_ptr<TraceStore> store = loadTraces(job->paths, {}, progress, &job->cancelled);
        job->result.paths = job->paths;
        if (analyzer && !job->cancelled)
            job->result.sessions = analyzer(*store);
        job->result.store = std::move(store);
        job->result.cancelled = job->cancelled;
        QMetaObject::invokeMethod(self.data(), [self, job] {
            if (self)
                self->onJobFinished(job);
        });
    });
}

void LoadController::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}

void LoadController::onJobFinished(const std::shared_ptr<Job> &job)
{
    if (job != m_job) {
        qCDebug(lcUi) << "dropping the result of a superseded load of" << job->paths;
        return;
    }
    m_job.reset();
    m_running = false;
    Q_EMIT loadFinished(job->result);
}

} // namespace CtiFlow
