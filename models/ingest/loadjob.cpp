// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadjob.h"

#include <QPointer>
#include <QtConcurrentRun>

namespace CtiFlow {

namespace {

// Progress is reported at most this often (in parts of the total) to keep the event queue short.
constexpr qint64 progressSteps = 200;

} // namespace

LoadJob::LoadJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<TraceStore>>::finished, this, &LoadJob::onFinished);
}

LoadJob::~LoadJob()
{
    m_cancelled = true;
    m_watcher.waitForFinished();
}

void LoadJob::start(const QStringList &paths, const LoadOptions &options, LoadPreviewCallback preview)
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_lastReported = -1;
    const QPointer<LoadJob> self(this);
    auto progress = [this, self](qint64 done, qint64 total) {
        const qint64 step = std::max<qint64>(1, total / progressSteps);
        const qint64 bucket = done / step;
        if (done < total && m_lastReported.exchange(bucket) == bucket)
            return;
        QMetaObject::invokeMethod(
            this,
            [self, done, total] {
                if (self)
                    self->onProgress(done, total);
            },
            Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run([paths, options, progress, preview = std::move(preview), this] {
        return loadTraces(paths, options, progress, &m_cancelled, preview);
    }));
}

void LoadJob::cancel()
{
    m_cancelled = true;
}

void LoadJob::onProgress(qint64 done, qint64 total)
{
    if (m_running)
        Q_EMIT progressChanged(done, total);
}

void LoadJob::onFinished()
{
    m_running = false;
    Q_EMIT finished(m_watcher.result());
}

} // namespace CtiFlow
