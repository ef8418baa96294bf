// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpmenu.h"

#include "timingcharts.h"

#include <karchive_version.h>
#include <ksyntaxhighlighting_version.h>

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CtiFlow {

namespace {

void showShortcuts(QMainWindow *window)
{
    const QList<std::pair<QString, QString>> shortcuts = shortcutList(window);
    auto *dialog = new QDialog(window);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(int(shortcuts.size()), 2, dialog);
    table->setHorizontalHeaderLabels({QObject::tr("Keys"), QObject::tr("Action")});
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < shortcuts.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(shortcuts[row].first));
        table->setItem(row, 1, new QTableWidgetItem(shortcuts[row].second));
    }
    table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(560, 520);
    dialog->show();
}

} // namespace

QList<std::pair<QString, QString>> shortcutList(const QWidget *window)
{
    QList<std::pair<QString, QString>> list;
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty() || action->text().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        // A key that works in one view only says which (the view's accessible name).
        const auto *place = qobject_cast<const QWidget *>(action->parent());
        if (action->shortcutContext() == Qt::WidgetShortcut && place && !place->accessibleName().isEmpty())
            text += QStringLiteral(" (%1)").arg(place->accessibleName());
        const std::pair entry{keys.join(QStringLiteral(", ")), text};
        if (!list.contains(entry))
            list.append(entry);
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    list.append({QObject::tr("Up, Down"), QObject::tr("Previous or next arrow of the diagram")});
    list.append({QObject::tr("Ctrl+Wheel"), QObject::tr("Zoom the diagram")});
    list.append({QObject::tr("Enter, Shift+Enter in Find"), QObject::tr("Next or previous match")});
    list.append({QObject::tr("Shift+Click, Ctrl+Click in the log"), QObject::tr("Select several records")});
    return list;
}

QString aboutText()
{
    return QObject::tr("<h3>CTI Flow %1</h3>"
                       "<p>Shows where a Cisco Jabber desk-phone control login broke, from CUCM CTI Manager "
                       "SDL traces.</p>"
                       "<p>Licence: GNU General Public License, version 3 or later.</p>"
                       "<p>Built with Qt %2 (running on Qt %3), KDE Frameworks SyntaxHighlighting %4 and "
                       "Archive %5, QCustomPlot %6.</p>")
        .arg(QApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
             QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING), QStringLiteral(KARCHIVE_VERSION_STRING),
             plotLibraryVersion());
}

QMenu *addHelpMenu(QMainWindow *window)
{
    QMenu *help = window->menuBar()->addMenu(QObject::tr("&Help"));
    QAction *shortcuts =
        help->addAction(QObject::tr("&Keyboard Shortcuts"), window, [window] { showShortcuts(window); });
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(QObject::tr("&About CTI Flow"), window,
                    [window] { QMessageBox::about(window, QObject::tr("About CTI Flow"), aboutText()); });
    help->addAction(QObject::tr("About &Qt"), qApp, &QApplication::aboutQt);
    return help;
}

} // namespace CtiFlow
