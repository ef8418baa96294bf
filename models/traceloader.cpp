// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceloader.h"

#include "logging.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace CtiFlow {

namespace {

void loadFile(TraceStore &store, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        store.addProblem({path, 0, file.errorString(), Problem::Severity::Error});
        return;
    }
    SourceFile source;
    source.path = path;
    source.text = file.readAll();
    source.date = QFileInfo(file).lastModified().date();
    store.indexFile(store.addFile(std::move(source)));
}

} // namespace

std::shared_ptr<TraceStore> loadTraces(const QStringList &paths, const LoadOptions &options,
                                       const LoadProgressCallback &progress, const std::atomic_bool *cancelled)
{
    Q_UNUSED(options)
    auto store = std::make_shared<TraceStore>();
    for (const QString &path : paths) {
        if (cancelled && cancelled->load())
            break;
        const QFileInfo info(path);
        if (!info.exists()) {
            store->addProblem({path, 0, QStringLiteral("no such file or folder"), Problem::Severity::Error});
            continue;
        }
        if (info.isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                loadFile(*store, it.next());
        } else {
            loadFile(*store, path);
        }
        if (progress)
            progress(1, 1);
    }
    store->finalize();
    qCDebug(lcIngest) << "loaded" << store->recordCount() << "records from" << store->fileCount() << "files";
    return store;
}

} // namespace CtiFlow
