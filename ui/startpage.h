// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;

namespace CtiFlow {

// What the window shows before a bundle is open: a drop zone, open buttons and recent bundles.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);

    // Each bundle is the list of paths opened together.
    void setRecentBundles(const QList<QStringList> &bundles);

Q_SIGNALS:
    void openFilesRequested();
    void openFolderRequested();
    void pasteRequested();
    void sampleRequested(); // Cisco's published success trace, shipped with CTI Flow
    void bundleRequested(const QStringList &paths);

private:
    QListWidget *m_recent = nullptr;
};

// "SDL001_200_000042.txt (+3 more)" for a menu or list entry.
QString bundleTitle(const QStringList &paths);

} // namespace CtiFlow
