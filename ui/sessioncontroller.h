// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flow/session.h"

#include <QObject>

#include <memory>

class QAction;
class QTableView;

namespace CtiFlow {

class DetailsPanel;
class LogView;
class SessionFilterModel;
class SessionModel;
class SwimLaneView;
class TimingCharts;
class TraceStore;

// Keeps the views of one bundle in step: the session table picks the diagram; a step selects its
// evidence in the log, the details and the charts; a record picked in the log selects its step.
class SessionController : public QObject
{
    Q_OBJECT

public:
    struct Views
    {
        QTableView *sessionTable;
        SwimLaneView *swimLanes;
        LogView *log;
        DetailsPanel *details;
        TimingCharts *charts;
    };

    SessionController(const Views &views, QObject *parent = nullptr);

    SessionModel *sessionModel() const { return m_model; }
    SessionFilterModel *sessionFilter() const { return m_filter; }

    // Shows a bundle at once. A large one is better shown in three turns of the event loop, so that
    // no turn holds the window for long: setStore() (the log of millions of records, every session
    // view emptied), setSessions() (the table), then showTimeline() (the chart).
    void setBundle(std::shared_ptr<const TraceStore> store, QList<Session> sessions);
    void setStore(std::shared_ptr<const TraceStore> store);
    void setSessions(QList<Session> sessions);
    void showTimeline();
    // Index into the bundle's sessions, -1 for none.
    void selectSession(int session);
    // Selects the next (or previous) failed login in the table's order after the current one, wrapping
    // around; false when the table shows no failed login.
    bool selectFailure(bool backwards);
    // Sets the note on a step of the current session, in the table's model and the views showing it.
    void setStepNote(int step, const QString &note);
    int currentSession() const { return m_current; }
    // The bundle's session that is the same login as like (same user, node, connection and first
    // record time), as found again in a fuller load of the bundle; -1 when none.
    int indexOfSession(const Session &like) const;
    // Step of the current session that a record is evidence of (or, failing that, the step whose time
    // the record falls into); -1 when the record is not part of the session.
    int stepOfRecord(RecordIndex record) const;
    // The sessions the table shows, filtered and in its order.
    QList<Session> shownSessions() const;
    const TraceStore *store() const { return m_store.get(); }
    // Puts the selected session's row (all shown rows when all is true) on the clipboard with the
    // table's header, tab-separated for a spreadsheet and as CSV; false when there is nothing to copy.
    bool copyRows(bool all) const;
    // Actions the table's context menu offers after its own copy actions (the session list exports).
    void addTableActions(const QList<QAction *> &actions);

Q_SIGNALS:
    // A session was selected; -1 when a new bundle took every session away from the views.
    void sessionSelected(int session);

protected:
    // The table's own Copy takes one cell's text; the row is wanted.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTableSelectionChanged();
    void onStepSelected(int step);
    void onRecordActivated(RecordIndex record);
    int sessionOfRecord(RecordIndex record) const;

    Views m_views;
    SessionModel *m_model;
    SessionFilterModel *m_filter;
    std::shared_ptr<const TraceStore> m_store;
    int m_current = -1;
    bool m_stepFromLog = false;
};

} // namespace CtiFlow
