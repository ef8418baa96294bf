// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A problem in the Problems list leads to its record in the log (double-click or Enter).
#include "detailspanel.h"
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "tracestore.h"
#include "windowtext.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace CtiFlow;
using WindowText::statusText;

namespace {

// The clock goes back five minutes at line 3: a warning about that line.
const QByteArray trace = "00000001.000 |10:05:00.000 |AppInfo |a\n"
                         "00000002.000 |10:05:01.000 |AppInfo |b\n"
                         "00000003.000 |10:00:00.000 |AppInfo |c\n"
                         "00000004.000 |10:00:01.000 |AppInfo |d\n";

const QByteArray jabberLog = "2024-03-11 09:15:02,124 ERROR [0x00002a10] [per\\DeskPhoneConnectionContext.cpp(233)] "
                             "[jcf.tel.callcontrol] [DeskPhoneConnectionContext::onFailure] - reason: 0x8ccc0075\n";

QTreeWidgetItem *problemAbout(const QTreeWidget *problems, const QString &fileName)
{
    for (int i = 0; i < problems->topLevelItemCount(); ++i) {
        if (problems->topLevelItem(i)->text(1).endsWith(fileName))
            return problems->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestProblemsInLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ctiflow-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_problemsinlog"));
        QSettings().clear();
    }

    void activatingAProblemSelectsItsRecord()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        for (const auto &[name, text] : {std::pair{QStringLiteral("SDL001_200_000001.txt"), trace},
                                         std::pair{QStringLiteral("SDL001_200_000002.txt"), trace},
                                         std::pair{QStringLiteral("notes.txt"), QByteArray("no trace here\n")},
                                         std::pair{QStringLiteral("jabber.log"), jabberLog}}) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        }
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openPaths({folder.path()});
        QVERIFY(loaded.wait(10'000) || !loaded.isEmpty());
        LogView *log = window.logView();
        const TraceStore *store = log->model()->store();
        QVERIFY(store);

        // Line 3 of the second file, of two files alike: the record that starts there, in that file.
        QTreeWidgetItem *clock = problemAbout(window.problemsView(), QStringLiteral("SDL001_200_000002.txt"));
        QVERIFY(clock);
        QCOMPARE(clock->text(2), QStringLiteral("3"));
        Q_EMIT window.problemsView()->itemActivated(clock, 0);
        QVERIFY(log->currentRecord().isValid());
        QCOMPARE(store->line(log->currentRecord()).value, qint64(3));
        QVERIFY(store->fileOf(log->currentRecord()).path.endsWith(QStringLiteral("SDL001_200_000002.txt")));

        // Line 0 stands for the whole file: its first record.
        QVERIFY(log->goToFileLine(store->file(0).path, 0));
        QCOMPARE(store->line(log->currentRecord()).value, qint64(1));
        QCOMPARE(store->fileOf(log->currentRecord()).path, store->file(0).path);

        // A file without records says so.
        QTreeWidgetItem *skipped = problemAbout(window.problemsView(), QStringLiteral("notes.txt"));
        QVERIFY(skipped);
        Q_EMIT window.problemsView()->itemActivated(skipped, 0);
        QVERIFY2(statusText(window).contains(QStringLiteral("No record of")), qPrintable(statusText(window)));

        // A CTI error a client log reports has no record: the details say what it means.
        QTreeWidgetItem *told = nullptr;
        for (int i = 0; i < window.problemsView()->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = window.problemsView()->topLevelItem(i);
            if (item->text(3).startsWith(QStringLiteral("the client was told")))
                told = item;
        }
        QVERIFY(told);
        Q_EMIT window.problemsView()->itemActivated(told, 0);
        const QString details = window.detailsPanel()->toPlainText();
        QVERIFY2(details.startsWith(QStringLiteral("What the client was told")) &&
                     details.contains(QStringLiteral("jabber.log:1 reports a CTI error")) &&
                     details.contains(QStringLiteral("Directory login timed out")),
                 qPrintable(details));
    }
};

QTEST_MAIN(TestProblemsInLog)
#include "tst_problemsinlog.moc"
