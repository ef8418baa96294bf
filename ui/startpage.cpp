// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpage.h"

#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace CtiFlow {

QString bundleTitle(const QStringList &paths)
{
    if (paths.isEmpty())
        return {};
    const QString first = QFileInfo(paths.first()).fileName();
    return paths.size() == 1 ? first : StartPage::tr("%1 (+%n more)", nullptr, int(paths.size() - 1)).arg(first);
}

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
{
    auto *dropZone = new QFrame(this);
    dropZone->setObjectName(QStringLiteral("dropZone"));
    dropZone->setStyleSheet(QStringLiteral("#dropZone { border: 2px dashed palette(mid); border-radius: 12px; }"));
    dropZone->setMinimumSize(520, 200);
    auto *zoneLayout = new QVBoxLayout(dropZone);
    auto *title = new QLabel(tr("<h2>Drop CUCM CTI Manager traces here</h2>"), dropZone);
    auto *hint = new QLabel(tr("SDL trace files, folders or RTMT bundles (zip, tar, gz): CTI Flow finds the "
                               "Jabber desk-phone control logins and shows where each one failed. Trace lines "
                               "copied from a case note or a web page can be pasted (Ctrl+V) or dropped as well.<br>"
                               "Collect them with RTMT: Trace &amp; Log Central &gt; Collect Files &gt; Cisco "
                               "CTIManager, for the minutes the user signed in."),
                            dropZone);
    hint->setWordWrap(true);
    for (QLabel *label : {title, hint})
        label->setAlignment(Qt::AlignCenter);
    auto *buttons = new QHBoxLayout;
    auto *openFiles = new QPushButton(tr("Open Files…"), dropZone);
    auto *openFolder = new QPushButton(tr("Open Folder…"), dropZone);
    auto *paste = new QPushButton(tr("Paste Trace"), dropZone);
    auto *sample = new QPushButton(tr("Open the Sample"), dropZone);
    sample->setToolTip(tr("Cisco's published trace of a login that worked, to see what CTI Flow shows"));
    buttons->addStretch();
    for (QPushButton *button : {openFiles, openFolder, paste, sample})
        buttons->addWidget(button);
    buttons->addStretch();
    zoneLayout->addStretch();
    zoneLayout->addWidget(title);
    zoneLayout->addWidget(hint);
    zoneLayout->addLayout(buttons);
    zoneLayout->addStretch();

    m_recent->setObjectName(QStringLiteral("recentBundles"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    layout->addWidget(dropZone, 2);
    layout->addWidget(new QLabel(tr("<b>Recent bundles</b>"), this));
    layout->addWidget(m_recent, 1);

    connect(openFiles, &QPushButton::clicked, this, &StartPage::openFilesRequested);
    connect(openFolder, &QPushButton::clicked, this, &StartPage::openFolderRequested);
    connect(paste, &QPushButton::clicked, this, &StartPage::pasteRequested);
    connect(sample, &QPushButton::clicked, this, &StartPage::sampleRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT bundleRequested(item->data(Qt::UserRole).toStringList()); });
}

void StartPage::setRecentBundles(const QList<QStringList> &bundles)
{
    m_recent->clear();
    for (const QStringList &paths : bundles) {
        auto *item = new QListWidgetItem(bundleTitle(paths), m_recent);
        item->setToolTip(paths.join(u'\n'));
        item->setData(Qt::UserRole, paths);
    }
    if (bundles.isEmpty())
        new QListWidgetItem(tr("No bundle opened yet"), m_recent);
}

} // namespace CtiFlow
