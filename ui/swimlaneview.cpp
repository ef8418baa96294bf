// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "swimlaneview.h"

#include "lanes.h"
#include "logmodel.h"
#include "tracestore.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace CtiFlow {

namespace {

constexpr qreal minimumZoom = 0.4;
constexpr qreal maximumZoom = 3.0;
constexpr qreal zoomStep = 1.2;

} // namespace

SwimLaneView::SwimLaneView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    m_options.font = font();
    relayout();
}

void SwimLaneView::setSession(const Session &session, std::shared_ptr<const TraceStore> store)
{
    m_session = session;
    m_store = std::move(store);
    m_hasSession = true;
    m_selected = -1;
    m_hovered = -1;
    relayout();
    horizontalScrollBar()->setValue(0);
    verticalScrollBar()->setValue(0);
}

void SwimLaneView::setStepNote(int step, const QString &note)
{
    if (step < 0 || step >= m_session.steps.size())
        return;
    m_session.steps[step].note = note;
    viewport()->update();
}

void SwimLaneView::clear()
{
    m_session = Session();
    m_store.reset();
    m_hasSession = false;
    m_selected = -1;
    relayout();
}

void SwimLaneView::setSelectedStep(int step)
{
    if (step >= m_session.steps.size() || step < -1)
        step = -1;
    if (step == m_selected)
        return;
    m_selected = step;
    ensureStepVisible(step);
    viewport()->update();
    Q_EMIT selectedStepChanged(step);
}

QStringList SwimLaneView::lanes() const
{
    QStringList ids;
    for (const LaneGeometry &lane : m_layout.lanes)
        ids.append(lane.id);
    return ids;
}

void SwimLaneView::setLaneOrder(const QStringList &order)
{
    m_options.laneOrder = order;
    relayout();
}

void SwimLaneView::setHiddenLanes(const QSet<QString> &hidden)
{
    m_options.hiddenLanes = hidden;
    relayout();
}

void SwimLaneView::hideLane(const QString &lane)
{
    // Keep at least one lane: a diagram without lanes has nothing to click.
    if (m_layout.lanes.size() <= 1)
        return;
    m_options.hiddenLanes.insert(lane);
    relayout();
    Q_EMIT laneOptionsChanged();
}

void SwimLaneView::renameLane(const QString &lane, const QString &name)
{
    if (name.trimmed().isEmpty() || name.trimmed() == lane)
        m_options.laneNames.remove(lane);
    else
        m_options.laneNames.insert(lane, name.trimmed());
    viewport()->update();
    Q_EMIT laneOptionsChanged();
}

void SwimLaneView::setLaneNames(const LaneNames &names)
{
    m_options.laneNames = names;
    viewport()->update();
}

void SwimLaneView::showAllLanes()
{
    m_options.hiddenLanes.clear();
    relayout();
    Q_EMIT laneOptionsChanged();
}

void SwimLaneView::moveLane(const QString &lane, int delta)
{
    QStringList order = lanes();
    const qsizetype from = order.indexOf(lane);
    if (from < 0)
        return;
    order.move(from, std::clamp<qsizetype>(from + delta, 0, order.size() - 1));
    m_options.laneOrder = order;
    relayout();
    Q_EMIT laneOptionsChanged();
}

void SwimLaneView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, minimumZoom, maximumZoom);
    if (qFuzzyCompare(zoom, m_options.zoom))
        return;
    m_options.zoom = zoom;
    relayout();
}

void SwimLaneView::zoomIn()
{
    setZoom(m_options.zoom * zoomStep);
}

void SwimLaneView::zoomOut()
{
    setZoom(m_options.zoom / zoomStep);
}

void SwimLaneView::fitToWindow()
{
    FlowPaintOptions unzoomed = m_options;
    unzoomed.zoom = 1.0;
    const QSizeF size = CtiFlow::layout(m_session, unzoomed).size;
    if (size.isEmpty())
        return;
    const QSize available = viewport()->size();
    setZoom(std::min(available.width() / size.width(), available.height() / size.height()));
}

QPoint SwimLaneView::mapFromDiagram(QPointF point) const
{
    return (point - QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value())).toPoint();
}

QPointF SwimLaneView::mapToDiagram(QPoint viewportPoint) const
{
    QPointF point = QPointF(viewportPoint) + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
    // The headers stay at the top while the rows scroll: a point on them is on the headers.
    const qreal headerBottom = m_layout.lanes.isEmpty() ? 0 : m_layout.lanes.first().header.bottom();
    if (verticalScrollBar()->value() > 0 && viewportPoint.y() < headerBottom)
        point.setY(viewportPoint.y());
    return point;
}

void SwimLaneView::relayout()
{
    m_options.font = font();
    m_options.availableWidth = viewport()->width();
    m_layout = CtiFlow::layout(m_session, m_options);
    updateScrollBars();
    viewport()->update();
}

void SwimLaneView::updateScrollBars()
{
    const QSize page = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(m_layout.size.width())) - page.width()));
    horizontalScrollBar()->setPageStep(page.width());
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(m_layout.size.height())) - page.height()));
    verticalScrollBar()->setPageStep(page.height());
    verticalScrollBar()->setSingleStep(int(m_options.rowHeight * m_options.zoom));
}

void SwimLaneView::ensureStepVisible(int step)
{
    const StepGeometry *geometry = m_layout.geometryOfStep(step);
    if (!geometry)
        return;
    QRectF wanted = geometry->band;
    const qreal header = m_layout.lanes.isEmpty() ? 0 : m_layout.lanes.first().header.bottom();
    const int height = viewport()->height();
    // The failed step comes with its banner (beside or under it) when both fit on the screen.
    if (step == m_layout.bannerStep && m_layout.banner.bottom() - wanted.top() < height - header)
        wanted.setBottom(m_layout.banner.bottom() + m_options.margin);
    const int top = verticalScrollBar()->value();
    if (wanted.top() < top + header)
        verticalScrollBar()->setValue(int(wanted.top() - header));
    else if (wanted.bottom() > top + height)
        verticalScrollBar()->setValue(int(std::ceil(wanted.bottom())) - height);
}

void SwimLaneView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QPointF offset(horizontalScrollBar()->value(), verticalScrollBar()->value());
    painter.translate(-offset);
    FlowPaintState state;
    state.colors = FlowColors::fromPalette(palette());
    state.selectedStep = m_selected;
    state.hoveredStep = m_hovered;
    state.exposed = QRectF(event->rect()).translated(offset);
    paintFlow(painter, m_layout, m_session, m_store.get(), m_options, state);
    if (offset.y() > 0)
        paintFlowHeaders(painter, m_layout, m_session, m_options, state.colors, offset.y());
    if (!m_hasSession)
        paintPlaceholder(painter, QRectF(offset, QSizeF(viewport()->size())));
}

void SwimLaneView::setPlaceholder(const QString &title, const QStringList &paragraphs)
{
    m_placeholderTitle = title;
    m_placeholderParagraphs = paragraphs;
    viewport()->update();
}

QString SwimLaneView::placeholderText() const
{
    if (m_placeholderTitle.isEmpty())
        return tr("Select a session to see its call flow");
    return QStringList{m_placeholderTitle, m_placeholderParagraphs.join(QLatin1Char('\n'))}.join(QLatin1Char('\n'));
}

void SwimLaneView::paintPlaceholder(QPainter &painter, const QRectF &area) const
{
    if (m_placeholderTitle.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter, placeholderText());
        return;
    }
    // A title and wrapped paragraphs in a column of readable width, centred under the lane headers.
    const qreal width = std::min<qreal>(680, area.width() - 48);
    const qreal top = area.top() + std::min<qreal>(90, area.height() / 4);
    QRectF box(area.left() + (area.width() - width) / 2, top, width, area.bottom() - top);
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    painter.setFont(bold);
    painter.setPen(palette().color(QPalette::WindowText));
    QRectF used;
    painter.drawText(box, Qt::TextWordWrap, m_placeholderTitle, &used);
    painter.setFont(font());
    const qreal gap = QFontMetricsF(font()).height() * 0.6;
    for (const QString &paragraph : m_placeholderParagraphs) {
        box.setTop(used.bottom() + gap);
        painter.drawText(box, Qt::TextWordWrap, paragraph, &used);
    }
}

void SwimLaneView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    // The cause banner goes beside or under the failed step depending on the width.
    relayout();
}

int SwimLaneView::headerLaneAt(QPointF diagramPoint) const
{
    const int lane = m_layout.laneAt(diagramPoint.x());
    return lane >= 0 && m_layout.lanes[lane].header.contains(diagramPoint) ? lane : -1;
}

void SwimLaneView::mousePressEvent(QMouseEvent *event)
{
    const QPointF point = mapToDiagram(event->position().toPoint());
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const int lane = headerLaneAt(point);
    if (lane >= 0) {
        m_draggedLane = m_layout.lanes[lane].id;
        viewport()->setCursor(Qt::ClosedHandCursor);
        return;
    }
    const int step = m_layout.stepAt(point);
    if (step >= 0)
        setSelectedStep(step);
}

void SwimLaneView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_draggedLane.isEmpty())
        return QAbstractScrollArea::mouseReleaseEvent(event);
    viewport()->unsetCursor();
    const int target = m_layout.laneAt(mapToDiagram(event->position().toPoint()).x());
    const int from = m_layout.laneIndex(m_draggedLane);
    if (target >= 0 && from >= 0 && target != from)
        moveLane(m_draggedLane, target - from);
    m_draggedLane.clear();
}

void SwimLaneView::mouseMoveEvent(QMouseEvent *event)
{
    const int step = m_layout.stepAt(mapToDiagram(event->position().toPoint()));
    if (step != m_hovered) {
        m_hovered = step;
        viewport()->update();
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void SwimLaneView::leaveEvent(QEvent *event)
{
    m_hovered = -1;
    viewport()->update();
    QAbstractScrollArea::leaveEvent(event);
}

QString SwimLaneView::toolTipForStep(int step) const
{
    const StepResult &result = m_session.steps[step];
    QString text = QStringLiteral("<b>%1</b> — %2<br/>%3 → %4")
                       .arg(result.label.toHtmlEscaped(), stepStatusText(result), result.from, result.to);
    if (!result.slowReason.isEmpty())
        text += QStringLiteral("<br/>") + result.slowReason.toHtmlEscaped();
    if (!result.note.isEmpty())
        text += QStringLiteral("<br/><b>%1</b> %2").arg(tr("Note:"), result.note.toHtmlEscaped());
    if (m_store && result.keyRecord.isValid() && result.keyRecord.value < m_store->recordCount()) {
        const QString location = m_store->fileOf(result.keyRecord).path + QLatin1Char(':') +
                                 QString::number(m_store->line(result.keyRecord).value);
        text += QStringLiteral("<br/><i>%1</i><br/><code>%2</code>")
                    .arg(location.toHtmlEscaped(),
                         LogModel::firstLine(*m_store, result.keyRecord).left(240).toHtmlEscaped());
    }
    return text;
}

bool SwimLaneView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int step = m_layout.stepAt(mapToDiagram(help->pos()));
        if (step >= 0)
            QToolTip::showText(help->globalPos(), toolTipForStep(step), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void SwimLaneView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Down:
    case Qt::Key_N:
        setSelectedStep(m_layout.stepAfter(m_selected, m_selected < 0 ? 0 : 1));
        return;
    case Qt::Key_Up:
    case Qt::Key_P:
        setSelectedStep(m_layout.stepAfter(m_selected, -1));
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void SwimLaneView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return QAbstractScrollArea::wheelEvent(event);
    if (event->angleDelta().y() > 0)
        zoomIn();
    else if (event->angleDelta().y() < 0)
        zoomOut();
}

void SwimLaneView::contextMenuEvent(QContextMenuEvent *event)
{
    const QPointF point = mapToDiagram(event->pos());
    const int lane = m_layout.laneAt(point.x());
    // The menu's actions (a note, an export) are about the step under the pointer.
    if (const int step = m_layout.stepAt(point); step >= 0)
        setSelectedStep(step);
    QMenu menu(this);
    if (lane >= 0) {
        const QString id = m_layout.lanes[lane].id;
        menu.addAction(tr("Rename lane %1…").arg(id), this, [this, id] {
            bool ok = false;
            const QString name =
                QInputDialog::getText(this, tr("Rename Lane"), tr("Name of lane %1 (empty: %1 again):").arg(id),
                                      QLineEdit::Normal, laneName(m_options.laneNames, id), &ok);
            if (ok)
                renameLane(id, name);
        });
        menu.addAction(tr("Hide lane %1").arg(id), this, [this, id] { hideLane(id); });
        menu.addAction(tr("Move %1 left").arg(id), this, [this, id] { moveLane(id, -1); });
        menu.addAction(tr("Move %1 right").arg(id), this, [this, id] { moveLane(id, 1); });
        menu.addSeparator();
    }
    QAction *showAll = menu.addAction(tr("Show all lanes"), this, &SwimLaneView::showAllLanes);
    showAll->setEnabled(!m_options.hiddenLanes.isEmpty());
    menu.addAction(tr("Standard lane order"), this, [this] {
        m_options.laneOrder.clear();
        relayout();
        Q_EMIT laneOptionsChanged();
    });
    if (!actions().isEmpty()) {
        menu.addSeparator();
        menu.addActions(actions());
    }
    menu.exec(event->globalPos());
}

void SwimLaneView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        relayout();
    else if (event->type() == QEvent::PaletteChange)
        viewport()->update();
    QAbstractScrollArea::changeEvent(event);
}

} // namespace CtiFlow
