// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundlewatcher.h"

#include "uilogging.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

namespace CtiFlow {

namespace {

// Writers (a copy, an unzip, RTMT) change a folder many times in a row: one reload once they pause.
constexpr int defaultSettleMs = 2000;

} // namespace

BundleWatcher::BundleWatcher(QObject *parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(defaultSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &BundleWatcher::changed);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        rewatch(); // a new subfolder or file is watched too
        m_settle.start();
    });
}

void BundleWatcher::setEnabled(bool on)
{
    m_enabled = on;
    if (!on)
        m_settle.stop();
    rewatch();
}

void BundleWatcher::watch(const QStringList &paths)
{
    m_paths = paths;
    m_settle.stop();
    rewatch();
}

QStringList BundleWatcher::watched() const
{
    return m_watcher.directories() + m_watcher.files();
}

void BundleWatcher::rewatch()
{
    QStringList wanted;
    const auto want = [&wanted](const QString &path) {
        if (wanted.size() < maxWatched)
            wanted.append(path);
    };
    for (const QString &path : std::as_const(m_paths)) {
        if (!m_enabled)
            break;
        const QFileInfo info(path);
        want(info.absoluteFilePath());
        if (!info.isDir())
            continue;
        QDirIterator it(path, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext() && wanted.size() < maxWatched)
            want(it.next());
    }
    const QStringList current = watched();
    const QSet<QString> currentSet(current.cbegin(), current.cend());
    const QSet<QString> wantedSet(wanted.cbegin(), wanted.cend());
    QStringList gone;
    for (const QString &path : current) {
        if (!wantedSet.contains(path))
            gone.append(path);
    }
    if (!gone.isEmpty())
        m_watcher.removePaths(gone);
    QStringList added;
    for (const QString &path : std::as_const(wanted)) {
        if (!currentSet.contains(path))
            added.append(path);
    }
    if (!added.isEmpty()) {
        const QStringList failed = m_watcher.addPaths(added);
        if (!failed.isEmpty())
            qCWarning(lcUi) << "cannot watch" << failed.size() << "of" << added.size() << "paths, first"
                            << failed.first();
    }
}

} // namespace CtiFlow
