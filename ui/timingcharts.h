// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flow/session.h"

#include <QTabWidget>

class QCustomPlot;
class QCPGraph;

namespace CtiFlow {

// The version of QCustomPlot the charts were built with, for the About box.
QString plotLibraryVersion();

// Two charts: the selected session's step durations against the slow threshold, and the bundle's
// logins over time (succeeded, failed, incomplete) where clicking a point selects its session.
class TimingCharts : public QTabWidget
{
    Q_OBJECT

public:
    explicit TimingCharts(QWidget *parent = nullptr);

    // Steps slower than this are drawn amber; the line on the durations chart.
    void setSlowThresholdMs(qint64 ms);
    qint64 slowThresholdMs() const { return m_slowThresholdMs; }

    void showSteps(const Session &session);
    // Fills the timeline now and draws it on the next turn of the event loop (timelineDrawn()).
    void showSessions(const QList<Session> &sessions);

    QCustomPlot *durationsPlot() const { return m_durations; }
    QCustomPlot *timelinePlot() const { return m_timeline; }
    // The same plots as plain widgets, for code that does not include qcustomplot.h.
    QWidget *durationsWidget() const;
    QWidget *timelineWidget() const;
    // Viewport position of a session's point on the timeline, for tests; (-1,-1) when not drawn.
    QPoint timelinePointOf(int session) const;

Q_SIGNALS:
    void sessionClicked(int session); // index into the list given to showSessions
    void timelineDrawn();             // the timeline was laid out and drawn (after showSessions)

private:
    void setupDurations();
    void setupTimeline();

    QCustomPlot *m_durations = nullptr;
    QCustomPlot *m_timeline = nullptr;
    QList<QCPGraph *> m_outcomeGraphs;   // by int(Outcome)
    QList<QList<int>> m_sessionsOfGraph; // data index -> session index, per outcome graph
    qint64 m_slowThresholdMs = 1000;
};

} // namespace CtiFlow
