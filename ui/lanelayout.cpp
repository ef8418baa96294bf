// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanelayout.h"

#include "flow/session.h"
#include "flowtext.h"

#include <QFontMetricsF>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace CtiFlow {

namespace {

QFont zoomedFont(const FlowPaintOptions &options)
{
    QFont font = options.font;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * options.zoom);
    else
        font.setPixelSize(std::max(1, int(std::lround(font.pixelSize() * options.zoom))));
    return font;
}

// Wraps the cause into title, explanation and action blocks inside the banner width.
QList<TextBlock> bannerBlocks(const Cause &cause, const FlowPaintOptions &options, QPointF topLeft, qreal width)
{
    const QFont font = zoomedFont(options);
    QFont bold = font;
    bold.setBold(true);
    const qreal padding = 8 * options.zoom;
    const qreal textWidth = width - 2 * padding;
    QList<TextBlock> blocks;
    qreal y = topLeft.y() + padding;
    const auto add = [&](const QString &text, bool isBold) {
        if (text.isEmpty())
            return;
        const QFontMetricsF metrics(isBold ? bold : font);
        const QRectF bounds = metrics.boundingRect(QRectF(0, 0, textWidth, 1e6), Qt::TextWordWrap, text);
        blocks.append({text, QRectF(topLeft.x() + padding, y, textWidth, std::ceil(bounds.height())), isBold});
        y += std::ceil(bounds.height()) + padding / 2;
    };
    add(cause.title, true);
    add(cause.explanation, false);
    if (!cause.action.isEmpty())
        add(QObject::tr("What to do: %1").arg(cause.action), false);
    if (cause.code)
        add(QObject::tr("CTI error code 0x%1").arg(QString::number(*cause.code, 16).toUpper().rightJustified(8, u'0')),
            false);
    return blocks;
}

StepGeometry stepGeometry(const StepResult &step, int stepIndex, int row, const LaneLayout &result,
                          const FlowPaintOptions &options, qreal left, qreal right, qreal shift)
{
    const qreal zoom = options.zoom;
    const qreal top = (options.margin + options.headerHeight + row * options.rowHeight) * zoom + shift;
    const qreal rowHeight = options.rowHeight * zoom;
    const qreal arrowY = top + rowHeight * 0.65;

    StepGeometry geometry;
    geometry.step = stepIndex;
    geometry.row = row;
    geometry.fromLane = result.laneIndex(step.from);
    geometry.toLane = result.laneIndex(step.to);
    geometry.collapsed = geometry.fromLane < 0 || geometry.toLane < 0;
    if (geometry.fromLane < 0)
        geometry.fromLane = geometry.toLane;
    if (geometry.toLane < 0)
        geometry.toLane = geometry.fromLane;
    geometry.self = geometry.fromLane == geometry.toLane;
    geometry.band = QRectF(left, top, right - left, rowHeight);
    if (options.showTimeColumns) {
        geometry.timeCell = QRectF(result.timeHeader.left(), top, result.timeHeader.width(), rowHeight);
        geometry.deltaCell = QRectF(result.deltaHeader.left(), top, result.deltaHeader.width(), rowHeight);
    }
    if (geometry.fromLane < 0)
        return geometry; // both lanes hidden: a row with only its time

    const qreal fromX = result.lanes[geometry.fromLane].x;
    const qreal toX = result.lanes[geometry.toLane].x;
    const qreal labelHeight = arrowY - top - 2 * zoom;
    if (geometry.self) {
        const qreal loop = options.selfLoopWidth * zoom;
        geometry.from = QPointF(fromX, top + rowHeight * 0.35);
        geometry.to = QPointF(fromX, top + rowHeight * 0.85);
        // The label may run over the next lane's line: no other arrow shares the row.
        geometry.label =
            QRectF(fromX + loop + 8 * zoom, top + rowHeight * 0.2, options.laneWidth * zoom * 1.5, rowHeight * 0.75);
    } else {
        geometry.from = QPointF(fromX, arrowY);
        geometry.to = QPointF(toX, arrowY);
        const qreal inset = 6 * zoom;
        geometry.label = QRectF(std::min(fromX, toX) + inset, top, std::abs(toX - fromX) - 2 * inset, labelHeight);
    }
    return geometry;
}

// The banner's rect and text: right of the lanes beside the failed row, or under the failed row
// across the lanes.
void placeBanner(LaneLayout &result, const Session &session, const FlowPaintOptions &options, qreal lanesLeft,
                 qreal rightColumn)
{
    const qreal zoom = options.zoom;
    const int failed = session.failedStepIndex();
    const StepGeometry &failedStep = result.steps[failed];
    QPointF topLeft(rightColumn, failedStep.band.top());
    qreal width = options.bannerWidth * zoom;
    if (result.bannerBelow) {
        topLeft = QPointF(lanesLeft + 4 * zoom, failedStep.band.bottom() + 4 * zoom);
        width = std::min(failedStep.band.width() - 8 * zoom, 2 * options.bannerWidth * zoom);
    }
    result.bannerStep = failed;
    result.bannerText = bannerBlocks(*session.cause, options, topLeft, width);
    const qreal bottom = result.bannerText.isEmpty() ? topLeft.y() + failedStep.band.height()
                                                     : result.bannerText.last().rect.bottom() + 8 * zoom;
    result.banner = QRectF(topLeft, QPointF(topLeft.x() + width, bottom));
}

} // namespace

int LaneLayout::laneIndex(const QString &id) const
{
    for (int i = 0; i < lanes.size(); ++i) {
        if (lanes[i].id == id)
            return i;
    }
    return -1;
}

int LaneLayout::rowOfStep(int step) const
{
    for (const StepGeometry &geometry : steps) {
        if (geometry.step == step)
            return geometry.row;
    }
    return -1;
}

const StepGeometry *LaneLayout::geometryOfStep(int step) const
{
    const int row = rowOfStep(step);
    return row < 0 ? nullptr : &steps[row];
}

int LaneLayout::stepAt(QPointF point) const
{
    for (const StepGeometry &geometry : steps) {
        if (geometry.band.contains(point) || geometry.timeCell.contains(point) || geometry.deltaCell.contains(point))
            return geometry.step;
    }
    if (banner.contains(point))
        return bannerStep;
    return -1;
}

int LaneLayout::laneAt(qreal x) const
{
    for (int i = 0; i < lanes.size(); ++i) {
        if (x >= lanes[i].header.left() && x < lanes[i].header.right())
            return i;
    }
    return -1;
}

int LaneLayout::stepAfter(int step, int delta) const
{
    if (steps.isEmpty())
        return -1;
    const int row = rowOfStep(step);
    if (row < 0)
        return steps.first().step;
    return steps[std::clamp(row + delta, 0, int(steps.size()) - 1)].step;
}

QStringList sessionLanes(const Session &session, const FlowPaintOptions &options)
{
    const QStringList lanes = sessionLanes(session);
    QStringList ordered;
    for (const QString &lane : options.laneOrder) {
        if (lanes.contains(lane) && !ordered.contains(lane))
            ordered.append(lane);
    }
    for (const QString &lane : std::as_const(lanes)) {
        if (!ordered.contains(lane))
            ordered.append(lane);
    }
    ordered.removeIf([&](const QString &lane) { return options.hiddenLanes.contains(lane); });
    return ordered;
}

namespace {

// Time and delta columns, then one column per lane; returns the x range of the lanes.
std::pair<qreal, qreal> placeColumns(LaneLayout &result, const Session &session, const FlowPaintOptions &options)
{
    const qreal zoom = options.zoom;
    qreal x = options.margin * zoom;
    const qreal headerTop = options.margin * zoom;
    const qreal headerHeight = options.headerHeight * zoom;
    if (options.showTimeColumns) {
        result.timeHeader = QRectF(x, headerTop, options.timeColumnWidth * zoom, headerHeight);
        x = result.timeHeader.right();
        result.deltaHeader = QRectF(x, headerTop, options.deltaColumnWidth * zoom, headerHeight);
        x = result.deltaHeader.right();
    }
    const qreal lanesLeft = x;
    const qreal laneWidth = options.laneWidth * zoom;
    for (const QString &id : sessionLanes(session, options)) {
        const QRectF header(x + 4 * zoom, headerTop, laneWidth - 8 * zoom, headerHeight);
        result.lanes.append({id, x + laneWidth / 2, header});
        x += laneWidth;
    }
    return {lanesLeft, x};
}

} // namespace

LaneLayout layout(const Session &session, const FlowPaintOptions &options)
{
    const qreal zoom = options.zoom;
    LaneLayout result;
    result.zoom = zoom;
    const auto [lanesLeft, lanesRight] = placeColumns(result, session, options);

    const int failed = session.failedStepIndex();
    const bool banner = options.showBanner && failed >= 0 && session.cause.has_value();
    qreal x = lanesRight;
    const qreal bannerGap = 16 * zoom;
    const qreal bannerWidth = options.bannerWidth * zoom;
    result.bannerBelow = banner && options.availableWidth > 0 &&
                         lanesRight + bannerGap + bannerWidth + options.margin * zoom > options.availableWidth;
    if (banner && !result.bannerBelow)
        x += bannerGap + bannerWidth;
    result.size = QSizeF(x + options.margin * zoom, 0);

    qreal shift = 0; // rows under a banner placed below the failed step move down by its height
    for (int i = 0; i < session.steps.size(); ++i) {
        result.steps.append(stepGeometry(session.steps[i], i, i, result, options, lanesLeft, lanesRight, shift));
        if (banner && i == failed) {
            placeBanner(result, session, options, lanesLeft, lanesRight + bannerGap);
            if (result.bannerBelow)
                shift += result.banner.height() + 12 * zoom;
        }
    }
    const qreal rowsBottom =
        (options.margin + options.headerHeight + session.steps.size() * options.rowHeight) * zoom + shift;
    result.size.setHeight(std::max(rowsBottom, result.banner.bottom()) + options.margin * zoom);
    return result;
}

} // namespace CtiFlow
