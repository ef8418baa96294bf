// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspanel.h"
#include "flow/analyzer.h"
#include "flow/sessionmodel.h"
#include "lanes.h"
#include "logdelegate.h"
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "previewbundle.h"
#include "sessioncontroller.h"
#include "startpage.h"
#include "swimlaneview.h"
#include "timingcharts.h"
#include "traceloader.h"
#include "tracestore.h"
#include "uisessions.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDockWidget>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>

using namespace CtiFlow;

namespace {

const QString samplePath = QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt");
constexpr int failedStep = 11; // ldap-user-bind

// Stands in for the flow analyser: two sessions over the sample's records, the first failing at the
// LDAP user bind. Step i's evidence is record 4 * i, so that every step links to a distinct record.
QList<Session> twoSessions(const TraceStore &store)
{
    Session failed = TestSessions::loginSession(QStringLiteral("ldap-user-bind"));
    Session passed = TestSessions::loginSession({}, QStringLiteral("jpinkman"));
    passed.number = 2;
    for (Session *session : {&failed, &passed}) {
        for (int i = 0; i < session->steps.size(); ++i) {
            StepResult &step = session->steps[i];
            if (step.status == StepStatus::NotReached)
                continue;
            step.evidence = {RecordIndex{4 * i}};
            step.keyRecord = RecordIndex{4 * i};
            step.timeMs = store.timeMs(step.keyRecord);
        }
        session->firstMs = session->steps.first().timeMs;
        session->lastMs = session->steps[session->failedStepIndex() < 0 ? 20 : failedStep].timeMs;
        for (qsizetype r = 0; r < store.recordCount(); ++r)
            session->records.append(RecordIndex{r});
    }
    if (failed.cause)
        failed.cause->evidence = failed.steps[failedStep].evidence;
    // Apart on the timeline, so that each point can be clicked.
    passed.firstMs -= 60'000;
    return {passed, failed}; // failures must sort first whatever the analyser's order
}

void dropPaths(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPoint centre = target->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void startsOnTheStartPage();
    void droppedBundleOpensOnTheFailedStep();
    void failedStepIsDrawnRed();
    void logShowsTheEvidenceOfTheSelectedStep();
    void clickingALogRecordSelectsItsStep();
    void upAndDownWalkTheArrows();
    void sessionOnlyFilterKeepsTheSelection();
    void zoomAndFit();
    void hoverShowsTheKeyRecord();
    void findAndGoToLine();
    void clickingATimelinePointSelectsItsSession();
    void recentBundlesAreRemembered();
    void laneChoicesAreRemembered();
    void supersededLoadIsDropped();
    void analysedBundleOpensOnItsFirstFailure();
    void progressShowsWhileLoading();
    void problemsPanelListsSkippedFiles();
    void diagramContextMenuExportsAndCopies();
    void previewShowsTheFirstFileWhileLoading();
    void fullBundleKeepsTheSessionPickedInThePreview();
    void cancelAfterThePreviewGivesThePartialBundle();

private:
    std::unique_ptr<MainWindow> openSample();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ctiflow-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestMainWindow::openSample()
{
    auto window = std::make_unique<MainWindow>();
    window->setAnalyzer(twoSessions);
    window->show();
    QSignalSpy loaded(window.get(), &MainWindow::loadFinished);
    dropPaths(window->startPage(), {samplePath});
    if (!loaded.wait(10'000) && loaded.isEmpty())
        return nullptr;
    return window;
}

void TestMainWindow::startsOnTheStartPage()
{
    MainWindow window;
    window.show();
    QVERIFY(window.isShowingStartPage());
    QCOMPARE(window.swimLaneView()->lanes(), standardLanes());
    QVERIFY(!window.swimLaneView()->hasSession());
}

void TestMainWindow::droppedBundleOpensOnTheFailedStep()
{
    const auto window = openSample();
    QVERIFY(window);
    QVERIFY(!window->isShowingStartPage());
    QCOMPARE(window->logView()->model()->rowCount(), 93);
    QCOMPARE(window->sessionTable()->model()->rowCount(), 2);
    const QModelIndex first = window->sessionTable()->model()->index(0, SessionModel::LoginColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("wwhite"));
    QCOMPARE(window->sessionTable()->currentIndex().row(), 0);
    QCOMPARE(window->swimLaneView()->session().login, QStringLiteral("wwhite"));
    QCOMPARE(window->swimLaneView()->selectedStep(), failedStep);
    QVERIFY(window->detailsPanel()->toPlainText().contains(QStringLiteral("Wrong password")));
}

void TestMainWindow::failedStepIsDrawnRed()
{
    const auto window = openSample();
    QVERIFY(window);
    SwimLaneView *view = window->swimLaneView();
    const StepGeometry *geometry = view->currentLayout().geometryOfStep(failedStep);
    QVERIFY(geometry);
    const QImage image = view->viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const QPoint middle = view->mapFromDiagram((geometry->from + geometry->to) / 2);
    QVERIFY(view->viewport()->rect().contains(middle));
    const QColor colour = image.pixelColor(middle * ratio);
    QVERIFY2(colour.red() > colour.green() + 80 && colour.red() > colour.blue() + 80, qPrintable(colour.name()));
}

void TestMainWindow::logShowsTheEvidenceOfTheSelectedStep()
{
    const auto window = openSample();
    QVERIFY(window);
    LogView *log = window->logView();
    QCOMPARE(log->currentRecord(), RecordIndex{4 * failedStep});
    const auto *delegate = qobject_cast<LogDelegate *>(log->table()->itemDelegate());
    QVERIFY(delegate);
    QVERIFY(delegate->isEvidence(4 * failedStep));
    QVERIFY(!delegate->isEvidence(4 * failedStep + 1));
    const QModelIndex current = log->table()->currentIndex();
    QVERIFY(log->table()->viewport()->rect().intersects(log->table()->visualRect(current)));
}

void TestMainWindow::clickingALogRecordSelectsItsStep()
{
    const auto window = openSample();
    QVERIFY(window);
    QTableView *table = window->logView()->table();
    const QModelIndex index =
        table->model()->index(window->logView()->model()->rowOf(RecordIndex{12}), LogModel::RecordColumn);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    QCOMPARE(window->swimLaneView()->selectedStep(), 3);
    // The log stays where the user clicked; the step's evidence is marked.
    QCOMPARE(window->logView()->currentRecord(), RecordIndex{12});

    // A record between two steps' evidence belongs to the step that had started by its time.
    const QModelIndex between = table->model()->index(13, LogModel::RecordColumn);
    table->scrollTo(between);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(between).center());
    QVERIFY(window->swimLaneView()->selectedStep() >= 0);
}

void TestMainWindow::upAndDownWalkTheArrows()
{
    const auto window = openSample();
    QVERIFY(window);
    SwimLaneView *view = window->swimLaneView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->selectedStep(), failedStep - 1);
    QCOMPARE(window->logView()->currentRecord(), RecordIndex{4 * (failedStep - 1)});
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->selectedStep(), failedStep + 1);
}

void TestMainWindow::sessionOnlyFilterKeepsTheSelection()
{
    const auto window = openSample();
    QVERIFY(window);
    LogView *log = window->logView();
    const RecordIndex before = log->currentRecord();
    log->setSessionOnly(true);
    QVERIFY(log->model()->isFiltered());
    QCOMPARE(log->model()->rowCount(), 93); // the test sessions own every record
    QCOMPARE(log->currentRecord(), before);
    log->setSessionRecords({RecordIndex{2}, RecordIndex{44}, RecordIndex{50}});
    QCOMPARE(log->model()->rowCount(), 3);
    QCOMPARE(log->currentRecord(), before);
}

void TestMainWindow::zoomAndFit()
{
    const auto window = openSample();
    QVERIFY(window);
    SwimLaneView *view = window->swimLaneView();
    const qreal lastLane = view->currentLayout().lanes.last().x;
    view->zoomIn();
    QCOMPARE(view->zoom(), 1.2);
    QCOMPARE(view->currentLayout().lanes.last().x, lastLane * 1.2);
    view->fitToWindow();
    const QSizeF fitted = view->currentLayout().size;
    const bool fits =
        fitted.width() <= view->viewport()->width() + 1 && fitted.height() <= view->viewport()->height() + 1;
    QVERIFY2(fits || qFuzzyCompare(view->zoom(), 0.4), qPrintable(QString::number(view->zoom())));
    QVERIFY(view->zoom() < 1.2);
}

void TestMainWindow::hoverShowsTheKeyRecord()
{
    const auto window = openSample();
    QVERIFY(window);
    SwimLaneView *view = window->swimLaneView();
    const StepGeometry *geometry = view->currentLayout().geometryOfStep(failedStep);
    const QPoint where = view->mapFromDiagram(geometry->band.center());
    QHelpEvent help(QEvent::ToolTip, where, view->viewport()->mapToGlobal(where));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(QStringLiteral("LDAP user bind")));
    QVERIFY(QToolTip::text().contains(QStringLiteral("jabber-cti-auth-success.sdl.txt:")));
}

void TestMainWindow::findAndGoToLine()
{
    const auto window = openSample();
    QVERIFY(window);
    LogView *log = window->logView();
    QSignalSpy found(log, &LogView::findFinished);
    // Find runs on a worker: each search reports once, and its match is then the current record.
    const auto find = [&](bool backwards) {
        found.clear();
        log->findNext(backwards);
        return QTest::qWaitFor([&] { return !found.isEmpty(); }, 10'000) && found.first().first().toBool();
    };
    log->findEdit()->setText(QStringLiteral("CtiLoginCheckReq"));
    QVERIFY(find(false));
    const TraceStore *store = log->model()->store();
    QVERIFY(QString::fromUtf8(store->recordText(log->currentRecord())).contains(QStringLiteral("CtiLoginCheckReq")));
    const RecordIndex first = log->currentRecord();
    QVERIFY(find(false));
    QVERIFY(log->currentRecord() != first);
    QVERIFY(find(true));
    QCOMPARE(log->currentRecord(), first);

    log->findEdit()->setText(QStringLiteral("Decrypted (Key|Password) Status"));
    QVERIFY(!find(false)); // not a regular expression yet
    log->regexBox()->setChecked(true);
    QVERIFY(find(false));
    QVERIFY(QString::fromUtf8(store->recordText(log->currentRecord())).contains(QStringLiteral("Decrypted")));

    // F3 and Shift+F3 from the window's Edit menu.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const RecordIndex decrypted = log->currentRecord();
    found.clear();
    QTest::keyClick(window.get(), Qt::Key_F3);
    QTRY_COMPARE(found.count(), 1);
    QVERIFY(log->currentRecord() != decrypted);
    found.clear();
    QTest::keyClick(window.get(), Qt::Key_F3, Qt::ShiftModifier);
    QTRY_COMPARE(found.count(), 1);
    QCOMPARE(log->currentRecord(), decrypted);

    QVERIFY(log->goToLine(20));
    QCOMPARE(store->line(log->currentRecord()).value, 20);
}

void TestMainWindow::clickingATimelinePointSelectsItsSession()
{
    const auto window = openSample();
    QVERIFY(window);
    TimingCharts *charts = window->timingCharts();
    window->findChild<QDockWidget *>(QStringLiteral("timingDock"))->raise();
    charts->setCurrentWidget(charts->timelineWidget());
    QTRY_VERIFY(charts->timelineWidget()->isVisible());
    QSignalSpy drawn(charts, &TimingCharts::timelineDrawn);
    charts->showSessions(window->sessions()->sessionModel()->sessions()); // lays the plot out at its shown size
    QVERIFY(drawn.wait());
    const QPoint point = charts->timelinePointOf(0); // jpinkman, given first by the analyser
    QVERIFY(charts->timelineWidget()->rect().contains(point));
    QSignalSpy selected(window->sessions(), &SessionController::sessionSelected);
    QTest::mouseClick(charts->timelineWidget(), Qt::LeftButton, {}, point);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(window->sessions()->currentSession(), 0);
    QCOMPARE(window->swimLaneView()->session().login, QStringLiteral("jpinkman"));
}

void TestMainWindow::recentBundlesAreRemembered()
{
    {
        const auto window = openSample();
        QVERIFY(window);
    }
    MainWindow again;
    const auto *recent = again.startPage()->findChild<QListWidget *>(QStringLiteral("recentBundles"));
    QVERIFY(recent);
    QCOMPARE(recent->count(), 1);
    QCOMPARE(recent->item(0)->data(Qt::UserRole).toStringList(), QStringList{samplePath});
}

void TestMainWindow::laneChoicesAreRemembered()
{
    {
        const auto window = openSample();
        QVERIFY(window);
        window->swimLaneView()->hideLane(QStringLiteral("DbAccess"));
        window->swimLaneView()->moveLane(QStringLiteral("LDAP"), -2);
        QSignalSpy changed(window->swimLaneView(), &SwimLaneView::laneOptionsChanged);
        window->swimLaneView()->renameLane(QStringLiteral("LDAP"), QStringLiteral(" AD (dc01) "));
        QCOMPARE(changed.size(), 1);
    }
    MainWindow again;
    QCOMPARE(again.swimLaneView()->lanes(), (QStringList{QStringLiteral("Jabber"), QStringLiteral("LDAP"),
                                                         QStringLiteral("CTIHandler"), QStringLiteral("Directory")}));
    QCOMPARE(again.swimLaneView()->paintOptions().laneNames,
             (LaneNames{{QStringLiteral("LDAP"), QStringLiteral("AD (dc01)")}}));
    again.swimLaneView()->renameLane(QStringLiteral("LDAP"), QString()); // its own name again
    QVERIFY(again.swimLaneView()->paintOptions().laneNames.isEmpty());
}

void TestMainWindow::supersededLoadIsDropped()
{
    LoadController loader;
    QSignalSpy finished(&loader, &LoadController::loadFinished);
    loader.start({QStringLiteral("/nonexistent/first")});
    loader.start({samplePath});
    QTRY_COMPARE(finished.count(), 1);
    // Let the first load's thread finish and its queued result arrive; it must be dropped.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 1);
    const auto result = finished.first().first().value<LoadResult>();
    QCOMPARE(result.paths, QStringList{samplePath});
    QCOMPARE(result.store->recordCount(), 93);
}

void TestMainWindow::analysedBundleOpensOnItsFirstFailure()
{
    // A bundle from ctiflow-gen (seed 3, 12 sessions, 4 failed) analysed by the real flow analyser.
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    dropPaths(window.sessionTable(), {QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1")});
    QVERIFY(loaded.wait(20'000));
    QCOMPARE(window.sessionTable()->model()->rowCount(), 12);
    SwimLaneView *view = window.swimLaneView();
    const Session &session = view->session();
    QCOMPARE(session.outcome, Outcome::Failed);
    QVERIFY(session.cause.has_value());
    const int failed = session.failedStepIndex();
    QVERIFY(failed >= 0);
    QCOMPARE(view->selectedStep(), failed);
    QCOMPARE(view->currentLayout().bannerStep, failed);
    QVERIFY(window.detailsPanel()->toPlainText().contains(session.cause->title));
    const QList<RecordIndex> &evidence = session.steps[failed].evidence;
    QVERIFY(!evidence.isEmpty());
    QVERIFY(evidence.contains(window.logView()->currentRecord()));

    // Every later failure is one row down; Down in the table walks to the next session.
    QCOMPARE(window.sessionTable()->model()->index(3, SessionModel::OutcomeColumn).data().toString(),
             QStringLiteral("Failed"));
    QCOMPARE(window.sessionTable()->model()->index(4, SessionModel::OutcomeColumn).data().toString(),
             QStringLiteral("Incomplete"));
}

void TestMainWindow::progressShowsWhileLoading()
{
    MainWindow window;
    window.show();
    auto *progress = window.findChild<QProgressBar *>();
    QVERIFY(progress);
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths({samplePath});
    QVERIFY(progress->isVisible());
    QVERIFY(loaded.wait(10'000));
    QVERIFY(!progress->isVisible());
}

void TestMainWindow::problemsPanelListsSkippedFiles()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QVERIFY(QFile::copy(samplePath, folder.filePath(QStringLiteral("SDL001_200_000001.txt"))));
    QFile empty(folder.filePath(QStringLiteral("empty.txt")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QFile binary(folder.filePath(QStringLiteral("core.bin")));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray(4096, '\0'));
    binary.close();

    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    dropPaths(window.startPage(), {folder.path()});
    QVERIFY(loaded.wait(10'000));
    QTreeWidget *problems = window.problemsView();
    QCOMPARE(problems->topLevelItemCount(), 2);
    QStringList files;
    for (int i = 0; i < problems->topLevelItemCount(); ++i)
        files.append(problems->topLevelItem(i)->text(1).section(u'/', -1));
    files.sort();
    QCOMPARE(files, (QStringList{QStringLiteral("core.bin"), QStringLiteral("empty.txt")}));
    QCOMPARE(window.logView()->model()->rowCount(), 93);
    QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->windowTitle(),
             QStringLiteral("Problems (2)"));
}

void TestMainWindow::diagramContextMenuExportsAndCopies()
{
    const auto window = openSample();
    QVERIFY(window);
    QStringList texts;
    QAction *copy = nullptr;
    for (QAction *action : window->swimLaneView()->actions()) {
        texts.append(action->text());
        if (action->text().contains(QStringLiteral("Copy Diagram")))
            copy = action;
    }
    QVERIFY2(texts.filter(QStringLiteral("Export Session")).size() == 2, qPrintable(texts.join(u',')));
    QVERIFY(copy);
    QApplication::clipboard()->clear();
    copy->trigger();
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime && mime->hasImage());
    QVERIFY(mime->text().contains(QStringLiteral("wwhite")));
}

void TestMainWindow::previewShowsTheFirstFileWhileLoading()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 3));
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    QSignalSpy previewed(&window, &MainWindow::previewShown);
    // What the window shows at the preview, looked at before the event loop can deliver the rest.
    bool loadingShown = false;
    int previewRows = 0;
    Session shown;
    connect(&window, &MainWindow::previewShown, this, [&] {
        loadingShown = loaded.isEmpty() && window.loader()->isRunning() && window.isShowingPreview() &&
                       window.previewBanner()->isVisible() && window.findChild<QProgressBar *>()->isVisible();
        previewRows = window.sessionTable()->model()->rowCount();
        if (window.swimLaneView()->hasSession())
            shown = window.swimLaneView()->session();
    });
    window.openPaths({dir.path()});
    QVERIFY(loaded.wait(30'000));
    QCOMPARE(previewed.count(), 1);
    QVERIFY(loadingShown);
    QCOMPARE(previewRows, 12);
    // The first failure of the first file, on its failed step.
    QCOMPARE(shown.outcome, Outcome::Failed);
    QVERIFY(window.previewBanner()->text().contains(QStringLiteral("showing sessions from the first file")));

    QVERIFY(!window.isShowingPreview());
    QVERIFY(!window.previewBanner()->isVisible());
    QCOMPARE(window.sessionTable()->model()->rowCount(), 36);
    QCOMPARE(window.logView()->model()->store()->fileCount(), 3);
}

void TestMainWindow::fullBundleKeepsTheSessionPickedInThePreview()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 3));
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    // The user picks a session that succeeded, and a step of it, while the rest still loads.
    Session picked;
    int pickedStep = -1;
    connect(&window, &MainWindow::previewShown, this, [&] {
        const QList<Session> &sessions = window.sessions()->sessionModel()->sessions();
        const auto it = std::find_if(sessions.cbegin(), sessions.cend(),
                                     [](const Session &s) { return s.outcome == Outcome::Succeeded; });
        if (it == sessions.cend())
            return;
        window.sessions()->selectSession(int(it - sessions.cbegin()));
        pickedStep = 2;
        window.swimLaneView()->setSelectedStep(pickedStep);
        picked = window.swimLaneView()->session();
    });
    window.openPaths({dir.path()});
    QVERIFY(loaded.wait(30'000));
    QVERIFY(!picked.login.isEmpty());
    const Session &now = window.swimLaneView()->session();
    QCOMPARE(now.login, picked.login);
    QCOMPARE(now.node, picked.node);
    QCOMPARE(now.firstMs, picked.firstMs);
    QCOMPARE(now.outcome, Outcome::Succeeded);
    QCOMPARE(window.swimLaneView()->selectedStep(), pickedStep);
    // The table's selection follows: the picked session's row, not the first failure.
    const QModelIndex current = window.sessionTable()->currentIndex();
    QCOMPARE(current.siblingAtColumn(SessionModel::LoginColumn).data().toString(), picked.login);
}

void TestMainWindow::cancelAfterThePreviewGivesThePartialBundle()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 3));
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    auto *cancel = window.statusBar()->findChild<QToolButton *>();
    QVERIFY(cancel);
    bool cancelShown = false;
    // Cancelled as the preview arrives, before the event loop can deliver the loaded bundle.
    connect(window.loader(), &LoadController::previewReady, this, [&] {
        cancelShown = cancel->isVisible();
        cancel->click();
    });
    window.openPaths({dir.path()});
    QVERIFY(loaded.wait(30'000));
    QVERIFY(cancelShown);
    QVERIFY(!cancel->isVisible());
    QVERIFY(!window.isShowingPreview());
    QVERIFY(!window.previewBanner()->isVisible());
    const auto *status = window.statusBar()->findChild<QLabel *>();
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("cancelled: partial bundle")), qPrintable(status->text()));
    // Whole files only, as a cancel always gives, and their sessions analysed.
    const TraceStore *store = window.logView()->model()->store();
    QVERIFY(store->recordCount() % loadTraces({PreviewBundle::traceFile})->recordCount() == 0);
    QVERIFY(window.sessionTable()->model()->rowCount() > 0); // the previewed file at least
    QCOMPARE(window.sessionTable()->model()->rowCount(), analyzeSessions(*store).size());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
