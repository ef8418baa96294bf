// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The session table's list for spreadsheets: the rows the table shows, copied (Ctrl+C, Copy All
// Rows) or exported from the window's File menu and the table's context menu.
#include "analyzer.h"
#include "detailspanel.h"
#include "logview.h"
#include "mainwindow.h"
#include "redactor.h"
#include "sessioncontroller.h"
#include "sessionfiltermodel.h"
#include "sessionmodel.h"
#include "sessiontable.h"
#include "swimlaneview.h"
#include "timingcharts.h"
#include "traceloader.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace CtiFlow;

namespace {

// The window's session views around one controller, on the generated bundle of twelve logins.
struct Views
{
    QTableView table;
    SwimLaneView swimLanes;
    LogView log;
    DetailsPanel details;
    TimingCharts charts;
    SessionController controller{{&table, &swimLanes, &log, &details, &charts}};

    Views()
    {
        std::shared_ptr<const TraceStore> store = loadTraces({QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1")});
        controller.setBundle(store, analyzeSessions(*store));
    }
};

QAction *actionNamed(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *action : actions) {
        if (action->text().remove(u'&') == text)
            return action;
    }
    return nullptr;
}

QString tsvOf(const QList<Session> &sessions, const TraceStore *store)
{
    Redactor plain(false);
    return QString::fromUtf8(sessionTable(sessions, store, plain, TableFormat::Tsv));
}

} // namespace

class TestSessionList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The list holds what the table shows: its filter and its order (failures first).
    void shownSessionsFollowTheTable()
    {
        Views views;
        const QList<Session> &all = views.controller.sessionModel()->sessions();
        QCOMPARE(all.size(), 12);
        QList<Session> shown = views.controller.shownSessions();
        QCOMPARE(shown.size(), 12);
        QCOMPARE(shown.first().outcome, Outcome::Failed);
        QCOMPARE(shown.last().outcome, Outcome::Succeeded);

        views.controller.sessionFilter()->setFilterFixedString(QStringLiteral("lsalamanca"));
        shown = views.controller.shownSessions();
        QVERIFY(!shown.isEmpty());
        QVERIFY(shown.size() < all.size());
        for (const Session &session : shown)
            QVERIFY(session.login.startsWith(QStringLiteral("lsalamanca")));
    }

    // Ctrl+C in the table copies the selected login's row under the header, tab-separated for a
    // spreadsheet, with CSV beside it.
    void keyCopiesTheSelectedRow()
    {
        Views views;
        views.controller.selectSession(4);
        const Session &selected = views.controller.sessionModel()->sessions()[4];
        QApplication::clipboard()->clear();
        QTest::keyClick(&views.table, Qt::Key_C, Qt::ControlModifier);
        const QMimeData *mime = QApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text(), tsvOf({selected}, views.controller.store()));
        const QStringList lines = mime->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(QStringLiteral("number\tstart\t")));
        QVERIFY(lines[1].startsWith(QString::number(selected.number) + u'\t'));
        Redactor plain(false);
        QCOMPARE(mime->data(QStringLiteral("text/csv")),
                 sessionTable({selected}, views.controller.store(), plain, TableFormat::Csv));
    }

    void copyAllRowsTakesTheShownRows()
    {
        Views views;
        views.controller.sessionFilter()->setFilterFixedString(QStringLiteral("failed"));
        QAction *copyAll = actionNamed(views.table.actions(), QStringLiteral("Copy All Rows"));
        QVERIFY(copyAll);
        QApplication::clipboard()->clear();
        copyAll->trigger();
        const QList<Session> shown = views.controller.shownSessions();
        QCOMPARE(shown.size(), 4);
        QCOMPARE(QApplication::clipboard()->text(), tsvOf(shown, views.controller.store()));
    }

    // Nothing selected and nothing shown: nothing to copy, and the clipboard keeps what it had.
    void nothingToCopy()
    {
        QTableView table;
        SwimLaneView swimLanes;
        LogView log;
        DetailsPanel details;
        TimingCharts charts;
        SessionController controller({&table, &swimLanes, &log, &details, &charts});
        QApplication::clipboard()->setText(QStringLiteral("kept"));
        QVERIFY(!controller.copyRows(false));
        QVERIFY(!controller.copyRows(true));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("kept"));
    }

    // The window offers the list's exports in the File menu and in the table's context menu.
    void windowOffersTheExports()
    {
        MainWindow window;
        QList<QAction *> fileActions;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->text().remove(u'&') == QStringLiteral("File"))
                fileActions = menu->menu()->actions();
        }
        QAction *exportList = actionNamed(fileActions, QStringLiteral("Export Session List…"));
        QAction *exportRedacted = actionNamed(fileActions, QStringLiteral("Export Session List Redacted…"));
        QVERIFY(exportList);
        QVERIFY(exportRedacted);
        bool offered = false;
        for (const QTableView *table : window.findChildren<QTableView *>()) {
            const QList<QAction *> actions = table->actions();
            offered = offered || (actions.contains(exportList) && actions.contains(exportRedacted) &&
                                  actionNamed(actions, QStringLiteral("Copy Row")));
        }
        QVERIFY(offered);
    }

    // F8 and Shift+F8 walk the failed logins in the table's order, around the end.
    void walksTheFailedLogins()
    {
        Views views;
        QList<int> failed;
        for (const Session &session : views.controller.shownSessions()) {
            if (session.outcome == Outcome::Failed)
                failed.append(session.number);
        }
        QCOMPARE(failed.size(), 4);
        const auto current = [&views] {
            return views.controller.sessionModel()->sessions()[views.controller.currentSession()].number;
        };
        QVERIFY(views.controller.selectFailure(false));
        QCOMPARE(current(), failed[0]);
        QVERIFY(views.controller.selectFailure(false));
        QCOMPARE(current(), failed[1]);
        QVERIFY(views.controller.selectFailure(true));
        QCOMPARE(current(), failed[0]);
        QVERIFY(views.controller.selectFailure(true)); // around to the last
        QCOMPARE(current(), failed[3]);
        views.controller.sessionFilter()->setFilterFixedString(QStringLiteral("succeeded"));
        QVERIFY(!views.controller.selectFailure(false));
    }

    // ctiflow --select N opens the window on session N.
    void selectsASessionByItsNumber()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openPaths({QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1")});
        QVERIFY(loaded.wait(10'000) || !loaded.isEmpty());
        QVERIFY(window.selectSessionNumber(7));
        QCOMPARE(window.swimLaneView()->session().number, 7);
        QVERIFY(!window.selectSessionNumber(99));
        QCOMPARE(window.swimLaneView()->session().number, 7);

        // Edit > Copy Summary puts that login in a few sentences on the clipboard.
        QAction *summary = actionNamed(window.swimLaneView()->actions(), QStringLiteral("Copy Summary"));
        QVERIFY(summary);
        QApplication::clipboard()->clear();
        summary->trigger();
        QVERIFY2(QApplication::clipboard()->text().startsWith(QStringLiteral("CTI login 7 of ")),
                 qPrintable(QApplication::clipboard()->text()));
    }

    // Export Session List with the report's file type writes the Markdown report of the rows shown.
    void exportsTheReport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openPaths({QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1")});
        QVERIFY(loaded.wait(10'000) || !loaded.isEmpty());
        QAction *exportList = nullptr;
        for (const QTableView *table : window.findChildren<QTableView *>())
            exportList =
                exportList ? exportList : actionNamed(table->actions(), QStringLiteral("Export Session List…"));
        QVERIFY(exportList);
        // Answer the file dialog: the report's type, a name without an extension.
        QTimer::singleShot(0, &window, [&dir] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            const QStringList filters = dialog->nameFilters();
            QCOMPARE(filters.size(), 2);
            QVERIFY(filters[1].startsWith(QStringLiteral("Markdown report")));
            dialog->selectNameFilter(filters[1]);
            dialog->selectFile(dir.filePath(QStringLiteral("morning")));
            QMetaObject::invokeMethod(dialog, &QDialog::accept); // as the Save button does
        });
        exportList->trigger();
        QFile report(dir.filePath(QStringLiteral("morning.md")));
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray text = report.readAll();
        QVERIFY(text.startsWith("# CTI login report\n\n12 logins: 7 succeeded, 4 failed, 1 incomplete"));
        QVERIFY(text.contains("## Failures by cause"));
    }
};

QTEST_MAIN(TestSessionList)
#include "tst_sessionlist.moc"
