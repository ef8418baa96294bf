// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's part in loading a bundle: progress, the first file's preview, the final result.
#include "mainwindow.h"

#include "allocator.h"
#include "bundlewatcher.h"
#include "detailspanel.h"
#include "emptybundle.h"
#include "logview.h"
#include "nodeclockdialog.h"
#include "readinglimits.h"
#include "sessioncontroller.h"
#include "startpage.h"
#include "swimlaneview.h"
#include "tracepath.h"
#include "tracestore.h"
#include "verdict.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>

namespace CtiFlow {

namespace {

// The session a preview opens on: the first failure, else the first that succeeded.
int previewSession(const QList<Session> &sessions)
{
    for (const Outcome outcome : {Outcome::Failed, Outcome::Succeeded}) {
        const auto it = std::find_if(sessions.cbegin(), sessions.cend(),
                                     [outcome](const Session &session) { return session.outcome == outcome; });
        if (it != sessions.cend())
            return int(it - sessions.cbegin());
    }
    return sessions.isEmpty() ? -1 : 0;
}

} // namespace

void MainWindow::onLoadStarted(const QStringList &paths)
{
    m_status->setText(tr("Loading %1…").arg(loadTitle(paths)));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
}

void MainWindow::onProgressChanged(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(done * 1000 / total));
}

void MainWindow::onPreviewReady(const LoadResult &preview)
{
    m_showingPreview = true;
    ++m_shownBundle;
    QList<Session> sessions = preview.sessions;
    m_notes.apply(sessions, m_clockOffsets);
    m_sessions->setBundle(preview.store, sessions);
    showProblems(preview);
    const QString file = preview.store->fileCount() > 0 ? QFileInfo(preview.store->file(0).path).fileName() : QString();
    m_previewBanner->setText(
        tr("Loading… showing sessions from the first file (%1) until the whole bundle is read").arg(file));
    m_previewBanner->show();
    m_status->setText(tr("Loading %1… showing %n session(s) from the first file", nullptr, int(preview.sessions.size()))
                          .arg(loadTitle(preview.paths)));
    setWindowTitle(tr("%1 — CTI Flow").arg(loadTitle(preview.paths)));
    m_stack->setCurrentWidget(m_splitter);
    // As for the whole bundle: the session opens on the next turn, after the window repainted.
    QTimer::singleShot(0, this, [this, session = previewSession(preview.sessions)] {
        if (!m_showingPreview)
            return; // the whole bundle came first
        if (m_reselect && m_sessions->indexOfSession(m_reselect->first) >= 0) {
            reselectSession(m_reselect->first, m_reselect->second); // a bundle read again
            m_reselect.reset();                                     // the view holds it now
        } else {
            m_sessions->selectSession(session);
        }
        Q_EMIT previewShown();
    });
}

void MainWindow::onLoadFinished(const LoadResult &result)
{
    // The session looked at in the preview stays selected when the whole bundle has it too; so does
    // the one looked at before the bundle was read again.
    std::optional<Session> kept;
    int keptStep = -1;
    if (m_reselect) {
        kept = m_reselect->first;
        keptStep = m_reselect->second;
    } else if (m_showingPreview && m_swimLanes->hasSession()) {
        kept = m_swimLanes->session();
        keptStep = m_swimLanes->selectedStep();
    }
    m_reselect.reset();
    m_showingPreview = false;
    m_previewBanner->hide();
    m_progress->hide();
    m_cancel->hide();
    // The log of the whole bundle now; the table, the timeline and the first session each on a turn
    // of the event loop of their own, so that the window repaints in between and no turn holds it
    // for long (a bundle of millions of records and tens of thousands of sessions).
    ++m_shownBundle;
    m_sessions->setStore(result.store);
    showProblems(result);
    const int failed = int(std::count_if(result.sessions.cbegin(), result.sessions.cend(),
                                         [](const Session &s) { return s.outcome == Outcome::Failed; }));
    QString text = tr("%n record(s), ", nullptr, int(result.store->recordCount())) +
                   tr("%n session(s), ", nullptr, int(result.sessions.size())) + tr("%n failed", nullptr, failed);
    if (!result.store->problems().isEmpty())
        text += tr(", %n problem(s)", nullptr, int(result.store->problems().size()));
    if (result.cancelled)
        text += tr(" (cancelled: partial bundle)");
    if (m_rules->source != builtinRules().source)
        text += tr(", rules from %1").arg(QFileInfo(m_rules->source).fileName());
    QStringList shifted;
    for (auto it = m_clockOffsets.cbegin(); it != m_clockOffsets.cend(); ++it)
        shifted.append(tr("%1 %2").arg(it.key(), clockOffsetText(it.value())));
    shifted.sort();
    if (!shifted.isEmpty())
        text += tr(", node clocks shifted: %1").arg(shifted.join(QStringLiteral(", ")));
    // A bundle without a login says why in the diagram's place, and what to collect instead.
    if (auto why = explainEmptyBundle(*result.store, result.sessions.size(), *m_rules)) {
        if (result.cancelled)
            why->details.prepend(tr("Loading was cancelled: only part of the bundle was read."));
        m_swimLanes->setPlaceholder(why->title, why->details + QStringList{why->advice});
    } else {
        m_swimLanes->setPlaceholder({});
    }
    m_bundlePaths = result.paths;
    m_shiftClocks->setEnabled(result.store->fileCount() > 0);
    m_reload->setEnabled(!result.paths.isEmpty());
    m_watcher->watch(result.paths);
    m_status->setText(text);
    setWindowTitle(tr("%1 — CTI Flow").arg(loadTitle(result.paths)));
    m_stack->setCurrentWidget(m_splitter);
    runInTurns({[this, sessions = result.sessions]() mutable {
                    m_notes.apply(sessions, m_clockOffsets);
                    m_sessions->setSessions(std::move(sessions));
                },
                [this] { m_sessions->showTimeline(); },
                [this, paths = result.paths, kept = std::move(kept), keptStep] {
                    if (!paths.isEmpty()) // a pasted text cannot be opened again
                        addRecentBundle(paths);
                    reselectSession(kept, keptStep);
                    // The bundle shown before is gone by now: its memory goes back to the system.
                    QThreadPool::globalInstance()->start([] { releaseFreedMemory(); });
                    Q_EMIT loadFinished();
                    if (std::exchange(m_reloadWhenDone, false))
                        reload(); // files changed while this load ran
                }});
}

void MainWindow::runInTurns(QList<std::function<void()>> steps)
{
    if (steps.isEmpty())
        return;
    QTimer::singleShot(0, this, [this, bundle = m_shownBundle, steps = std::move(steps)]() mutable {
        if (bundle != m_shownBundle)
            return; // another bundle is shown since: the rest is out of date
        const std::function<void()> step = steps.takeFirst();
        step();
        runInTurns(std::move(steps));
    });
}

void MainWindow::reselectSession(const std::optional<Session> &kept, int keptStep)
{
    const int same = kept ? m_sessions->indexOfSession(*kept) : -1;
    if (same < 0) {
        // Failures sort first, so the first row is the failure the user is looking for.
        if (m_sessionTable->model()->rowCount() > 0)
            m_sessionTable->selectRow(0);
        return;
    }
    m_sessions->selectSession(same);
    if (keptStep >= 0 && keptStep < m_swimLanes->session().steps.size())
        m_swimLanes->setSelectedStep(keptStep);
}

void MainWindow::showProblems(const LoadResult &result)
{
    m_problems->clear();
    for (const Problem &problem : result.store->problems()) {
        auto *item = new QTreeWidgetItem(m_problems, {severityName(problem.severity), problem.file,
                                                      problem.line > 0 ? QString::number(problem.line) : QString(),
                                                      problem.reason});
        item->setData(2, Qt::UserRole, problem.line);
        if (problem.ctiCode)
            item->setData(0, Qt::UserRole, *problem.ctiCode);
        item->setToolTip(3, tr("%1\nDouble-click or Enter: the record in the log").arg(problem.toString()));
    }
    m_problems->resizeColumnToContents(0);
    const qsizetype count = result.store->problems().size();
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("problemsDock")))
        dock->setWindowTitle(count > 0 ? tr("Problems (%1)").arg(count) : tr("Problems"));
}

void MainWindow::showProblemInLog(const QTreeWidgetItem *item)
{
    const QString file = item->text(1);
    const qint64 line = item->data(2, Qt::UserRole).toLongLong();
    // A client log's CTI error has no record in the log: the details say what it means instead.
    if (const QVariant code = item->data(0, Qt::UserRole); code.isValid()) {
        const quint32 value = code.toUInt();
        m_details->showClientError(
            QStringLiteral("%1:%2").arg(QFileInfo(file).fileName()).arg(line),
            makeCause(*m_rules, m_rules->codes.value(value, QStringLiteral("unknown-cti-error")), value, QString()));
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("detailsDock")))
            dock->raise();
        return;
    }
    bool found = m_log->goToFileLine(file, line);
    if (!found && m_log->isSessionOnly()) { // the record may be another session's
        m_log->setSessionOnly(false);
        found = m_log->goToFileLine(file, line);
    }
    if (!found) {
        m_status->setText(tr("No record of %1 in the log").arg(file));
        return;
    }
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("logDock")))
        dock->raise();
    m_log->table()->setFocus();
}

QString MainWindow::loadTitle(const QStringList &paths) const
{
    return paths.isEmpty() && !m_texts.isEmpty() ? m_texts.first().name : bundleTitle(paths);
}

void MainWindow::openText(const QString &name, const QByteArray &text)
{
    if (!looksLikeTrace(unquotedTrace(text))) { // as the loader will read it
        m_status->setText(tr("No SDL trace line in the %1: copy whole lines, from the sequence number on "
                             "(00895255.002 |08:59:16.944 |AppInfo |...)")
                              .arg(name));
        return;
    }
    m_clockOffsets.clear();
    m_reselect.reset();
    m_reloadWhenDone = false;
    m_texts = {{name, text}};
    LoadOptions options = savedReadingLimits();
    options.texts = m_texts;
    m_loader->start({}, options);
}

void MainWindow::setupFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Files…"), QKeySequence::Open, this, &MainWindow::chooseFiles);
    file->addAction(tr("Open &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    &MainWindow::chooseFolder);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_reload = file->addAction(tr("Re&load"), QKeySequence::Refresh, this, &MainWindow::reload);
    m_reload->setEnabled(false);
    QAction *follow = file->addAction(tr("Reload When Files &Change"));
    follow->setCheckable(true);
    connect(follow, &QAction::toggled, this, [this](bool on) {
        m_watcher->setEnabled(on);
        QSettings().setValue(QStringLiteral("load/reloadWhenFilesChange"), on);
    });
    follow->setChecked(QSettings().value(QStringLiteral("load/reloadWhenFilesChange"), false).toBool());
    // Files written while a load runs are read once it is done.
    connect(m_watcher, &BundleWatcher::changed, this, [this] {
        if (m_loader->isRunning())
            m_reloadWhenDone = true;
        else
            reload();
    });
    file->addSeparator();
    QAction *exportAction = file->addAction(tr("&Export Session…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                                            [this] { exportSession(false); });
    QAction *exportRedacted = file->addAction(tr("Export Session &Redacted…"), this, [this] { exportSession(true); });
    // The same exports from the diagram's context menu.
    m_swimLanes->addActions({exportAction, exportRedacted});
    QAction *exportList = file->addAction(tr("Export Session &List…"), this, [this] { exportSessionList(false); });
    QAction *exportListRedacted =
        file->addAction(tr("Export Session List Re&dacted…"), this, [this] { exportSessionList(true); });
    m_sessions->addTableActions({exportList, exportListRedacted});
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::reload()
{
    if (m_bundlePaths.isEmpty())
        return; // a pasted text reads the same again
    shiftNodeClocks(m_clockOffsets);
}

} // namespace CtiFlow
