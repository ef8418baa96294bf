// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// File > Reload: the open bundle read again, with what was written since, the same login and step
// still selected; and read again by itself when its files change, if asked.
#include "bundlewatcher.h"
#include "mainwindow.h"
#include "sessioncontroller.h"
#include "swimlaneview.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(CTIFLOW_TEST_DATA "/flow/") + QLatin1String(name);
}

QAction *action(const MainWindow &window, const QString &text)
{
    const QList<QAction *> actions = window.findChildren<QAction *>();
    const auto it =
        std::find_if(actions.cbegin(), actions.cend(), [&text](const QAction *a) { return a->text() == text; });
    return it == actions.cend() ? nullptr : *it;
}

QAction *reloadAction(const MainWindow &window)
{
    return action(window, QStringLiteral("Re&load"));
}

bool waitForLoad(MainWindow &window, const std::function<void()> &start)
{
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    start();
    return loaded.wait(10'000) || !loaded.isEmpty();
}

} // namespace

class TestReload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ctiflow-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_reload"));
        QSettings().clear();
    }

    void readsNewFilesAndKeepsTheSelection()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QVERIFY(QFile::copy(fixture("interleaved-three-users.txt"),
                            folder.filePath(QStringLiteral("SDL001_200_000001.txt"))));

        MainWindow window;
        window.show();
        QAction *reload = reloadAction(window);
        QVERIFY(reload);
        QCOMPARE(reload->shortcut(), QKeySequence(QKeySequence::Refresh));
        QVERIFY(!reload->isEnabled()); // nothing open yet
        QVERIFY(waitForLoad(window, [&] { window.openPaths({folder.path()}); }));
        QVERIFY(reload->isEnabled());
        QCOMPARE(window.sessions()->shownSessions().size(), 3);

        // Look at another login than the one the window opened on, at its third step.
        const int opened = window.sessions()->currentSession();
        const int other = opened == 0 ? 1 : 0;
        window.sessions()->selectSession(other);
        window.swimLaneView()->setSelectedStep(2);
        const Session looked = window.swimLaneView()->session();

        // The trace goes on in a new file; the bundle is read again.
        QVERIFY(QFile::copy(fixture("cause-not-cti-enabled.txt"),
                            folder.filePath(QStringLiteral("SDL001_200_000002.txt"))));
        QVERIFY(waitForLoad(window, [&] { reload->trigger(); }));
        QCOMPARE(window.sessions()->shownSessions().size(), 4);
        const Session &shown = window.swimLaneView()->session();
        QCOMPARE(shown.login, looked.login);
        QCOMPARE(shown.firstMs, looked.firstMs);
        QCOMPARE(window.swimLaneView()->selectedStep(), 2);
        QVERIFY(reload->isEnabled());
    }

    // File > Reload When Files Change: a file added to the open folder is read without asking.
    void followsFilesAdded()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("cucm1/cm/trace/cti/sdl")));
        const QString sdl = folder.filePath(QStringLiteral("cucm1/cm/trace/cti/sdl/"));
        QVERIFY(QFile::copy(fixture("interleaved-three-users.txt"), sdl + QStringLiteral("SDL001_200_000001.txt")));

        MainWindow window;
        window.show();
        auto *watcher = window.findChild<BundleWatcher *>();
        QVERIFY(watcher);
        watcher->setSettleTime(50);
        QAction *follow = action(window, QStringLiteral("Reload When Files &Change"));
        QVERIFY(follow && follow->isCheckable() && !follow->isChecked());
        QVERIFY(waitForLoad(window, [&] { window.openPaths({folder.path()}); }));
        QVERIFY(watcher->watched().isEmpty()); // off: nothing watched
        follow->setChecked(true);
        QVERIFY(watcher->watched().contains(sdl + QStringLiteral("SDL001_200_000001.txt")));
        QVERIFY(watcher->watched().contains(QDir(sdl).absolutePath()));
        QVERIFY(QSettings().value(QStringLiteral("load/reloadWhenFilesChange")).toBool());

        // Written outside the bundle, then moved in whole: one change, however slow the machine.
        QTemporaryDir staging;
        QVERIFY(staging.isValid());
        const QString written = staging.filePath(QStringLiteral("SDL001_200_000002.txt"));
        QVERIFY(QFile::copy(fixture("cause-not-cti-enabled.txt"), written));
        QVERIFY(waitForLoad(window, [&] { QFile::rename(written, sdl + QStringLiteral("SDL001_200_000002.txt")); }));
        QCOMPARE(window.sessions()->shownSessions().size(), 4);
        QVERIFY(watcher->watched().contains(sdl + QStringLiteral("SDL001_200_000002.txt")));

        follow->setChecked(false);
        QVERIFY(watcher->watched().isEmpty());
        QSettings().remove(QStringLiteral("load/reloadWhenFilesChange"));
    }

    void pastedTextHasNothingToReload()
    {
        QFile trace(fixture("retry-after-failure.txt"));
        QVERIFY(trace.open(QIODevice::ReadOnly));
        MainWindow window;
        window.show();
        QVERIFY(waitForLoad(window, [&] { window.openText(QStringLiteral("pasted text"), trace.readAll()); }));
        QVERIFY(window.swimLaneView()->hasSession());
        QVERIFY(!reloadAction(window)->isEnabled());
    }
};

QTEST_MAIN(TestReload)
#include "tst_reload.moc"
