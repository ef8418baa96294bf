// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timingcharts.h"

#include "sessionfiltermodel.h"

#include <qcustomplot.h>

namespace CtiFlow {

QString plotLibraryVersion()
{
    return QStringLiteral(QCUSTOMPLOT_VERSION_STR);
}

namespace {

// Bars run sideways: steps down the left in flow order, like the diagram's rows.
QCPBars *addBars(QCustomPlot *plot, const QColor &colour, const QString &name)
{
    auto *bars = new QCPBars(plot->yAxis, plot->xAxis);
    bars->setName(name);
    bars->setPen(colour.darker(120));
    bars->setBrush(colour);
    bars->setWidth(0.7);
    return bars;
}

// The legend in a row under the plot, where it covers no data point.
void legendBelow(QCustomPlot *plot, const QFont &font)
{
    plot->legend->setVisible(true);
    plot->legend->setFont(font);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
}

QFont smaller(QFont font)
{
    font.setPointSizeF(std::max(6.0, font.pointSizeF() - 1));
    return font;
}

} // namespace

TimingCharts::TimingCharts(QWidget *parent)
    : QTabWidget(parent)
    , m_durations(new QCustomPlot(this))
    , m_timeline(new QCustomPlot(this))
{
    setDocumentMode(true);
    addTab(m_durations, tr("Step durations"));
    addTab(m_timeline, tr("Logins over time"));
    setupDurations();
    setupTimeline();
}

void TimingCharts::setupDurations()
{
    m_durations->xAxis->setLabel(tr("ms since the previous step"));
    m_durations->yAxis->setRangeReversed(true);
    m_durations->yAxis->setTickLabelFont(smaller(font()));
    m_durations->xAxis->setTickLabelFont(smaller(font()));
    legendBelow(m_durations, smaller(font()));
    addBars(m_durations, QColor(0x2d, 0x4f, 0x7c), tr("passed"));
    addBars(m_durations, QColor(0xd9, 0x82, 0x00), tr("slow"));
    addBars(m_durations, QColor(0xc6, 0x28, 0x28), tr("failed"));
    auto *threshold = new QCPItemStraightLine(m_durations);
    threshold->setPen(QPen(QColor(0xd9, 0x82, 0x00), 1.5, Qt::DashLine));
    threshold->setObjectName(QStringLiteral("threshold"));
}

void TimingCharts::setupTimeline()
{
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss\nyyyy-MM-dd"));
    ticker->setTimeZone(QTimeZone::UTC);
    m_timeline->xAxis->setTicker(ticker);
    m_timeline->yAxis->setLabel(tr("login duration (s)"));
    m_timeline->xAxis->setTickLabelFont(smaller(font()));
    m_timeline->yAxis->setTickLabelFont(smaller(font()));
    legendBelow(m_timeline, smaller(font()));
    for (Outcome outcome : {Outcome::Succeeded, Outcome::Failed, Outcome::Incomplete}) {
        QCPGraph *graph = m_timeline->addGraph();
        graph->setName(outcomeText(outcome));
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor colour = outcomeColour(outcome);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 9));
        m_outcomeGraphs.append(graph);
        m_sessionsOfGraph.append(QList<int>());
    }
    connect(m_timeline, &QCustomPlot::afterReplot, this, &TimingCharts::timelineDrawn);
    connect(m_timeline, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable *plottable, int dataIndex) {
        const qsizetype graph = m_outcomeGraphs.indexOf(static_cast<QCPGraph *>(plottable));
        if (graph >= 0 && dataIndex >= 0 && dataIndex < m_sessionsOfGraph[graph].size())
            Q_EMIT sessionClicked(m_sessionsOfGraph[graph][dataIndex]);
    });
}

void TimingCharts::setSlowThresholdMs(qint64 ms)
{
    m_slowThresholdMs = ms;
}

void TimingCharts::showSteps(const Session &session)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QList<QCPBars *> bars;
    for (int i = 0; i < 3; ++i) {
        bars.append(static_cast<QCPBars *>(m_durations->plottable(i)));
        bars.last()->data()->clear();
    }
    qint64 highest = m_slowThresholdMs;
    for (int i = 0; i < session.steps.size(); ++i) {
        const StepResult &step = session.steps[i];
        const QString label = step.seed.isEmpty() ? step.label : step.seed + QLatin1Char(' ') + step.label;
        ticker->addTick(i, label.size() > 26 ? label.left(25) + QChar(0x2026) : label);
        if (step.deltaMs < 0)
            continue;
        const int kind = step.status == StepStatus::Failed ? 2 : step.slow ? 1 : 0;
        bars[kind]->addData(i, double(step.deltaMs));
        highest = std::max(highest, step.deltaMs);
    }
    m_durations->yAxis->setTicker(ticker);
    m_durations->yAxis->setRange(-0.7, std::max<qsizetype>(session.steps.size(), 1) - 0.3);
    m_durations->xAxis->setRange(0, double(highest) * 1.15);
    auto *threshold = m_durations->findChild<QCPItemStraightLine *>(QStringLiteral("threshold"));
    threshold->point1->setCoords(double(m_slowThresholdMs), 0);
    threshold->point2->setCoords(double(m_slowThresholdMs), 1);
    m_durations->replot();
}

void TimingCharts::showSessions(const QList<Session> &sessions)
{
    for (int i = 0; i < m_outcomeGraphs.size(); ++i) {
        m_outcomeGraphs[i]->data()->clear();
        m_sessionsOfGraph[i].clear();
    }
    // The graph keeps its points sorted by time; add them sorted so that data index -> session holds.
    QList<int> order;
    for (int i = 0; i < sessions.size(); ++i) {
        if (sessions[i].firstMs >= 0)
            order.append(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return sessions[a].firstMs < sessions[b].firstMs; });
    // Each graph's points in one call, already sorted: tens of thousands of sessions otherwise
    // cost a container insertion each.
    QList<QList<double>> keys(m_outcomeGraphs.size());
    QList<QList<double>> values(m_outcomeGraphs.size());
    for (int i : std::as_const(order)) {
        const Session &session = sessions[i];
        const int graph = session.outcome == Outcome::Succeeded ? 0 : session.outcome == Outcome::Failed ? 1 : 2;
        keys[graph].append(double(session.firstMs) / 1000.0);
        values[graph].append(double(std::max<qint64>(0, session.lastMs - session.firstMs)) / 1000.0);
        m_sessionsOfGraph[graph].append(i);
    }
    for (int i = 0; i < m_outcomeGraphs.size(); ++i)
        m_outcomeGraphs[i]->setData(keys[i], values[i], true);
    m_timeline->rescaleAxes();
    // Margins so that points on the edges stay clickable.
    m_timeline->xAxis->scaleRange(1.1);
    m_timeline->yAxis->setRangeLower(0);
    m_timeline->yAxis->setRangeUpper(m_timeline->yAxis->range().upper * 1.2 + 0.5);
    // Drawn on the next turn of the event loop, not in the one that also fills the tables.
    m_timeline->replot(QCustomPlot::rpQueuedReplot);
}

QWidget *TimingCharts::durationsWidget() const
{
    return m_durations;
}

QWidget *TimingCharts::timelineWidget() const
{
    return m_timeline;
}

QPoint TimingCharts::timelinePointOf(int session) const
{
    for (int graph = 0; graph < m_sessionsOfGraph.size(); ++graph) {
        const qsizetype index = m_sessionsOfGraph[graph].indexOf(session);
        if (index < 0)
            continue;
        const auto point = m_outcomeGraphs[graph]->data()->at(int(index));
        return m_outcomeGraphs[graph]->coordsToPixels(point->key, point->value).toPoint();
    }
    return {-1, -1};
}

} // namespace CtiFlow
