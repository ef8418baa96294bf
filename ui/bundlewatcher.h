// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace CtiFlow {

// Watches the open bundle's files and folders (a folder with its subfolders and the files in them)
// and, once the writing has settled, says that something was written, added or removed: for
// File > Reload When Files Change, as when RTMT's scheduled collection or a copy keeps adding traces.
class BundleWatcher : public QObject
{
    Q_OBJECT

public:
    // Folders and files watched at most: the system's watches are limited, and a bundle that large
    // is reloaded by hand.
    static constexpr int maxWatched = 2000;

    explicit BundleWatcher(QObject *parent = nullptr);

    // Off: nothing is watched and changed() is not emitted; on: the paths last given are watched.
    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    // Replaces what is watched (kept while off, watched once on).
    void watch(const QStringList &paths);
    QStringList watched() const;
    // How long no further change must come before changed(), in ms.
    void setSettleTime(int ms) { m_settle.setInterval(ms); }

Q_SIGNALS:
    void changed();

private:
    void rewatch();

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QStringList m_paths;
    bool m_enabled = false;
};

} // namespace CtiFlow
