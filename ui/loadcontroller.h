// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flow/session.h"
#include "tracestore.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace CtiFlow {

// Turns a loaded store into sessions; runs on the loading thread.
using SessionAnalyzer = std::function<QList<Session>(const TraceStore &store)>;

struct LoadResult
{
    QStringList paths;
    std::shared_ptr<const TraceStore> store;
    QList<Session> sessions;
    bool cancelled = false;
};

// Loads a bundle and analyses it off the GUI thread, with progress and cancel. Starting a new load
// cancels the running one; results of a superseded load are dropped.
class LoadController : public QObject
{
    Q_OBJECT

public:
    explicit LoadController(QObject *parent = nullptr);
    ~LoadController() override;

    void setAnalyzer(SessionAnalyzer analyzer) { m_analyzer = std::move(analyzer); }

    void start(const QStringList &paths);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void loadStarted(const QStringList &paths);
    // Bytes read so far and expected in all; total 0 while unknown.
    void progressChanged(qint64 done, qint64 total);
    void loadFinished(const CtiFlow::LoadResult &result);

private:
    struct Job;
    void onJobFinished(const std::shared_ptr<Job> &job);

    SessionAnalyzer m_analyzer;
    std::shared_ptr<Job> m_job;
    bool m_running = false;
};

} // namespace CtiFlow

Q_DECLARE_METATYPE(CtiFlow::LoadResult)
