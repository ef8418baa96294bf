// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flow/session.h"
#include "traceloader.h"
#include "tracestore.h"

#include <QObject>
#include <QPointer>
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
    bool preview = false; // the first file read of a bundle still loading
};

class LoadJob;

// Loads a bundle (LoadJob) and analyses it off the GUI thread, with progress and cancel. Starting a
// new load cancels the running one; results of a superseded load are dropped (a generation number).
// While a bundle of several files loads, the first file read is analysed on its own on the loading
// thread; when it holds a session that succeeded or failed, previewReady delivers it, always before
// loadFinished and never after a cancel or for a superseded load.
class LoadController : public QObject
{
    Q_OBJECT

public:
    explicit LoadController(QObject *parent = nullptr);
    ~LoadController() override;

    void setAnalyzer(SessionAnalyzer analyzer) { m_analyzer = std::move(analyzer); }

    void start(const QStringList &paths, const LoadOptions &options = {});
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void loadStarted(const QStringList &paths);
    // Bytes read so far and expected in all; total 0 while unknown.
    void progressChanged(qint64 done, qint64 total);
    // At most once per load: the sessions of one file (result.preview is true).
    void previewReady(const CtiFlow::LoadResult &preview);
    void loadFinished(const CtiFlow::LoadResult &result);

private:
    void onStoreLoaded(quint64 generation, const QStringList &paths, std::shared_ptr<TraceStore> store, bool cancelled);
    void finish(quint64 generation, LoadResult result);
    LoadPreviewCallback previewCallback(quint64 generation, const QStringList &paths);
    void showPreview(quint64 generation, const LoadResult &preview);

    SessionAnalyzer m_analyzer;
    QPointer<LoadJob> m_job;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace CtiFlow

Q_DECLARE_METATYPE(CtiFlow::LoadResult)
