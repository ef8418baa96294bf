// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Help menu: the shortcut list follows the window's actions, the About box names the versions.
#include "helpmenu.h"
#include "mainwindow.h"
#include "swimlaneview.h"

#include <QApplication>
#include <QDialog>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace CtiFlow;

namespace {

QMenu *menuNamed(QMainWindow &window, const QString &title)
{
    for (QAction *action : window.menuBar()->actions()) {
        if (action->menu() && action->text().remove(QLatin1Char('&')) == title)
            return action->menu();
    }
    return nullptr;
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

} // namespace

class TestHelpMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QApplication::setApplicationVersion(QStringLiteral("9.8.7")); }

    void menuIsLastAndComplete()
    {
        MainWindow window;
        QMenu *help = menuNamed(window, QStringLiteral("Help"));
        QVERIFY(help);
        QCOMPARE(window.menuBar()->actions().last()->menu(), help);
        QVERIFY(actionNamed(help, QStringLiteral("About CTI Flow")));
        QVERIFY(actionNamed(help, QStringLiteral("About Qt")));
        QAction *keys = actionNamed(help, QStringLiteral("Keyboard Shortcuts"));
        QVERIFY(keys);
        QCOMPARE(keys->shortcut(), QKeySequence(QKeySequence::HelpContents));
        // The sample trace, second, opens a login that worked.
        QAction *sample = actionNamed(help, QStringLiteral("Open the Sample Trace"));
        QVERIFY(sample);
        QCOMPARE(help->actions().indexOf(sample), 1);
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        sample->trigger();
        QVERIFY(loaded.wait(10'000) || !loaded.isEmpty());
        QCOMPARE(window.swimLaneView()->session().outcome, Outcome::Succeeded);
    }

    void shortcutListFollowsTheActions()
    {
        MainWindow window;
        const QList<std::pair<QString, QString>> list = shortcutList(&window);
        const auto has = [&list](const QKeySequence &key, const QString &text) {
            return list.contains(std::pair{key.toString(QKeySequence::NativeText), text});
        };
        QVERIFY(has(QKeySequence::Find, QStringLiteral("Find…")));
        QVERIFY(has(QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("Go to Line…")));
        QVERIFY(has(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QStringLiteral("Copy Diagram")));
        // Keys of one view say which view they work in.
        QVERIFY(has(QKeySequence(Qt::CTRL | Qt::Key_M), QStringLiteral("Set Time Mark (Log)")));
        QVERIFY(has(QKeySequence::Copy, QStringLiteral("Copy Records (Log)")));
        QVERIFY(has(QKeySequence::Copy, QStringLiteral("Copy Row (Sessions)")));
        QVERIFY(has(QKeySequence::Paste, QStringLiteral("Paste Trace")));
        QVERIFY(has(QKeySequence(Qt::CTRL | Qt::Key_E), QStringLiteral("Export Session…")));
        // An action added later is listed too, once however often it is reachable.
        auto *extra = new QAction(QStringLiteral("&Something New"), &window);
        extra->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
        window.addAction(extra);
        const QList<std::pair<QString, QString>> after = shortcutList(&window);
        QCOMPARE(after.count({QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N).toString(QKeySequence::NativeText),
                              QStringLiteral("Something New")}),
                 1);
        for (const auto &entry : after)
            QCOMPARE(after.count(entry), 1);
        QCOMPARE(after.last().second, QStringLiteral("Select several records")); // keys without an action last
    }

    void shortcutsDialogListsThemAll()
    {
        MainWindow window;
        actionNamed(menuNamed(window, QStringLiteral("Help")), QStringLiteral("Keyboard Shortcuts"))->trigger();
        auto *dialog = window.findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        auto *table = dialog->findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), int(shortcutList(&window).size()));
        dialog->close();
    }

    void aboutNamesTheVersions()
    {
        const QString text = aboutText();
        QVERIFY(text.contains(QStringLiteral("CTI Flow 9.8.7")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("QCustomPlot 2.")));
        QVERIFY(text.contains(QStringLiteral("SyntaxHighlighting 6.")));
        QVERIFY(text.contains(QStringLiteral("General Public License")));
    }
};

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
