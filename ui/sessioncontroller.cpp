// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessioncontroller.h"

#include "detailspanel.h"
#include "flow/sessionmodel.h"
#include "logview.h"
#include "redactor.h"
#include "sessionfiltermodel.h"
#include "sessiontable.h"
#include "swimlaneview.h"
#include "timingcharts.h"
#include "tracestore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>
#include <QTableView>

#include <algorithm>

namespace CtiFlow {

SessionController::SessionController(const Views &views, QObject *parent)
    : QObject(parent)
    , m_views(views)
    , m_model(new SessionModel(this))
    , m_filter(new SessionFilterModel(this))
{
    m_filter->setSourceModel(m_model);
    QTableView *table = m_views.sessionTable;
    table->setAccessibleName(tr("Sessions"));
    table->setModel(m_filter);
    table->setSortingEnabled(true);
    // Column widths from the first rows only: measuring thousands of sessions stalls the window.
    table->horizontalHeader()->setResizeContentsPrecision(100);
    // The verdict first: it is what the user scans for.
    table->horizontalHeader()->moveSection(SessionModel::OutcomeColumn, 1);
    // Failures first: the proxy sorts stably, so sessions keep their time order within an outcome.
    table->sortByColumn(SessionModel::OutcomeColumn, Qt::AscendingOrder);

    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SessionController::onTableSelectionChanged);
    connect(m_views.swimLanes, &SwimLaneView::selectedStepChanged, this, &SessionController::onStepSelected);
    connect(m_views.log, &LogView::recordActivated, this, &SessionController::onRecordActivated);
    connect(m_views.details, &DetailsPanel::recordActivated, this,
            [this](RecordIndex record) { m_views.log->selectRecord(record); });
    connect(m_views.charts, &TimingCharts::sessionClicked, this, &SessionController::selectSession);

    auto *copyRow = new QAction(tr("&Copy Row"), table);
    copyRow->setShortcut(QKeySequence::Copy);
    copyRow->setShortcutContext(Qt::WidgetShortcut);
    connect(copyRow, &QAction::triggered, this, [this] { copyRows(false); });
    auto *copyAll = new QAction(tr("Copy &All Rows"), table);
    connect(copyAll, &QAction::triggered, this, [this] { copyRows(true); });
    table->addActions({copyRow, copyAll});
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->installEventFilter(this);
}

bool SessionController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_views.sessionTable &&
        (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        if (event->type() == QEvent::KeyPress)
            copyRows(false);
        event->accept();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

QList<Session> SessionController::shownSessions() const
{
    QList<Session> shown;
    shown.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        shown.append(m_model->sessions()[m_filter->mapToSource(m_filter->index(row, 0)).row()]);
    return shown;
}

bool SessionController::selectFailure(bool backwards)
{
    const int rows = m_filter->rowCount();
    const QModelIndex current = m_current >= 0 ? m_filter->mapFromSource(m_model->index(m_current, 0)) : QModelIndex();
    const int start = current.isValid() ? current.row() : (backwards ? 0 : rows - 1);
    for (int step = 1; step <= rows; ++step) {
        const int row = ((start + (backwards ? -step : step)) % rows + rows) % rows;
        const int source = m_filter->mapToSource(m_filter->index(row, 0)).row();
        if (m_model->sessions()[source].outcome == Outcome::Failed) {
            selectSession(source);
            return true;
        }
    }
    return false;
}

bool SessionController::copyRows(bool all) const
{
    QList<Session> sessions;
    if (all)
        sessions = shownSessions();
    else if (m_current >= 0)
        sessions.append(m_model->sessions()[m_current]);
    if (sessions.isEmpty())
        return false;
    Redactor plain(false);
    auto *mime = new QMimeData;
    mime->setText(QString::fromUtf8(sessionTable(sessions, m_store.get(), plain, TableFormat::Tsv)));
    mime->setData(QStringLiteral("text/csv"), sessionTable(sessions, m_store.get(), plain, TableFormat::Csv));
    QApplication::clipboard()->setMimeData(mime);
    return true;
}

void SessionController::addTableActions(const QList<QAction *> &actions)
{
    auto *separator = new QAction(m_views.sessionTable);
    separator->setSeparator(true);
    m_views.sessionTable->addAction(separator);
    m_views.sessionTable->addActions(actions);
}

void SessionController::setBundle(std::shared_ptr<const TraceStore> store, QList<Session> sessions)
{
    setStore(std::move(store));
    setSessions(std::move(sessions));
    showTimeline();
}

void SessionController::setStore(std::shared_ptr<const TraceStore> store)
{
    m_store = std::move(store);
    m_current = -1;
    m_views.swimLanes->clear();
    m_views.details->clearDetails();
    // The sessions of the bundle before are gone from every view before the log changes under them.
    m_model->setSessions({});
    m_views.charts->showSessions({});
    m_views.charts->showSteps({});
    m_views.log->setStore(m_store);
    Q_EMIT sessionSelected(-1);
}

void SessionController::setSessions(QList<Session> sessions)
{
    m_model->setSessions(std::move(sessions));
    m_views.sessionTable->resizeColumnsToContents();
}

void SessionController::showTimeline()
{
    m_views.charts->showSessions(m_model->sessions());
}

void SessionController::selectSession(int session)
{
    if (session < 0 || session >= m_model->sessions().size() || session == m_current)
        return;
    m_current = session;
    const QModelIndex proxyIndex = m_filter->mapFromSource(m_model->index(session, 0));
    if (proxyIndex.isValid() && m_views.sessionTable->currentIndex().row() != proxyIndex.row())
        m_views.sessionTable->selectRow(proxyIndex.row());

    const Session &current = m_model->sessions()[session];
    m_views.swimLanes->setSession(current, m_store);
    m_views.log->setSessionRecords(current.records);
    m_views.charts->showSteps(current);
    m_views.details->showSession(current);
    // Open on the failed step: that is what the user came for.
    const int failed = current.failedStepIndex();
    if (failed >= 0)
        m_views.swimLanes->setSelectedStep(failed);
    Q_EMIT sessionSelected(session);
}

void SessionController::setStepNote(int step, const QString &note)
{
    if (m_current < 0)
        return;
    m_model->setStepNote(m_current, step, note);
    m_views.swimLanes->setStepNote(step, note);
    if (m_views.swimLanes->selectedStep() == step)
        m_views.details->showStep(m_views.swimLanes->session(), step, m_store.get());
}

int SessionController::indexOfSession(const Session &like) const
{
    const QList<Session> &sessions = m_model->sessions();
    const auto it = std::find_if(sessions.cbegin(), sessions.cend(), [&like](const Session &session) {
        return session.login == like.login && session.node == like.node && session.connection == like.connection &&
               session.firstMs == like.firstMs;
    });
    return it == sessions.cend() ? -1 : int(it - sessions.cbegin());
}

void SessionController::onTableSelectionChanged()
{
    const QModelIndexList rows = m_views.sessionTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    selectSession(m_filter->mapToSource(rows.first()).row());
}

void SessionController::onStepSelected(int step)
{
    if (m_current < 0)
        return;
    const Session &session = m_model->sessions()[m_current];
    m_views.details->showStep(session, step, m_store.get());
    const QList<RecordIndex> evidence = step >= 0 ? session.steps[step].evidence : QList<RecordIndex>();
    // A step picked from the log keeps the log where the user clicked.
    if (m_stepFromLog)
        m_views.log->markEvidence(evidence);
    else
        m_views.log->setEvidence(evidence);
}

int SessionController::sessionOfRecord(RecordIndex record) const
{
    const QList<Session> &sessions = m_model->sessions();
    for (int i = 0; i < sessions.size(); ++i) {
        for (const StepResult &step : sessions[i].steps) {
            if (step.evidence.contains(record))
                return i;
        }
    }
    for (int i = 0; i < sessions.size(); ++i) {
        if (std::binary_search(sessions[i].records.cbegin(), sessions[i].records.cend(), record))
            return i;
    }
    return -1;
}

int SessionController::stepOfRecord(RecordIndex record) const
{
    if (m_current < 0)
        return -1;
    const Session &session = m_model->sessions()[m_current];
    for (int i = 0; i < session.steps.size(); ++i) {
        if (session.steps[i].evidence.contains(record))
            return i;
    }
    if (!m_store || !std::binary_search(session.records.cbegin(), session.records.cend(), record))
        return -1;
    // Not evidence itself: the last step that had started by the record's time.
    const qint64 time = m_store->timeMs(record);
    int best = -1;
    for (int i = 0; i < session.steps.size(); ++i) {
        if (session.steps[i].timeMs >= 0 && session.steps[i].timeMs <= time)
            best = i;
    }
    return best;
}

void SessionController::onRecordActivated(RecordIndex record)
{
    m_stepFromLog = true;
    int step = stepOfRecord(record);
    const bool inCurrent = m_current >= 0 && std::binary_search(m_model->sessions()[m_current].records.cbegin(),
                                                                m_model->sessions()[m_current].records.cend(), record);
    if (step < 0 && !inCurrent) {
        const int session = sessionOfRecord(record);
        if (session >= 0 && session != m_current) {
            selectSession(session);
            step = stepOfRecord(record);
        }
    }
    if (step >= 0)
        m_views.swimLanes->setSelectedStep(step);
    m_stepFromLog = false;
}

} // namespace CtiFlow
