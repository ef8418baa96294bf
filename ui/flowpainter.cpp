// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowpainter.h"

#include "flow/session.h"
#include "tracestore.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>

#include <cmath>

namespace CtiFlow {

namespace {

struct Painting
{
    QPainter &painter;
    const LaneLayout &layout;
    const Session &session;
    const TraceStore *store;
    const FlowPaintOptions &options;
    const FlowPaintState &state;
    QFont font;
    QFont smallFont;
    QFont boldFont;

    qreal z(qreal pixels) const { return pixels * layout.zoom; }
};

QFont scaled(QFont font, qreal factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(std::max(1, int(std::lround(font.pixelSize() * factor))));
    return font;
}

QColor faded(QColor colour, const QColor &background, qreal keep = 0.35)
{
    // Blend rather than use alpha so that SVG and PDF output look the same as the screen.
    return QColor::fromRgbF(float(colour.redF() * keep + background.redF() * (1 - keep)),
                            float(colour.greenF() * keep + background.greenF() * (1 - keep)),
                            float(colour.blueF() * keep + background.blueF() * (1 - keep)));
}

QColor stepColour(const Painting &p, const StepResult &step)
{
    const FlowColors &c = p.state.colors;
    switch (step.status) {
    case StepStatus::Failed:
        return c.failed;
    case StepStatus::Missing:
        return c.missing;
    case StepStatus::NotReached:
        return faded(c.arrow, c.background);
    case StepStatus::Passed:
        break;
    }
    return step.slow ? c.slow : c.arrow;
}

QPen stepPen(const Painting &p, const StepResult &step)
{
    qreal width = 1.4;
    if (step.status == StepStatus::Failed)
        width = 2.6;
    else if (step.slow)
        width = 2.2;
    QPen pen(stepColour(p, step), p.z(width));
    if (step.status == StepStatus::Missing)
        pen.setStyle(Qt::DashLine);
    return pen;
}

void drawLaneLines(const Painting &p)
{
    for (const LaneGeometry &lane : p.layout.lanes) {
        p.painter.setPen(QPen(p.state.colors.laneLine, p.z(1), Qt::DashLine));
        p.painter.drawLine(QPointF(lane.x, lane.header.bottom()), QPointF(lane.x, p.layout.size.height() - p.z(4)));
    }
}

void drawHeaders(const Painting &p)
{
    QPainter &painter = p.painter;
    const FlowColors &c = p.state.colors;
    painter.setFont(p.smallFont);
    painter.setPen(c.mutedText);
    if (!p.layout.timeHeader.isEmpty()) {
        painter.drawText(p.layout.timeHeader, Qt::AlignCenter, QObject::tr("Time"));
        painter.drawText(p.layout.deltaHeader, Qt::AlignCenter, QObject::tr("Delta"));
    }
    painter.setFont(p.boldFont);
    for (const LaneGeometry &lane : p.layout.lanes) {
        painter.setPen(QPen(c.headerBorder, p.z(1)));
        painter.setBrush(c.headerFill);
        painter.drawRoundedRect(lane.header, p.z(4), p.z(4));
        painter.setPen(c.text);
        painter.drawText(
            lane.header, Qt::AlignCenter,
            QFontMetricsF(painter.font())
                .elidedText(laneName(p.options.laneNames, lane.id), Qt::ElideRight, lane.header.width() - p.z(6)));
    }
    painter.setBrush(Qt::NoBrush);
}

void drawArrowHead(QPainter &painter, QPointF tip, QPointF direction, qreal size, const QColor &colour)
{
    const qreal length = std::hypot(direction.x(), direction.y());
    if (length <= 0)
        return;
    const QPointF unit = direction / length;
    const QPointF normal(-unit.y(), unit.x());
    const QPointF base = tip - unit * size;
    const QPolygonF head({tip, base + normal * size * 0.45, base - normal * size * 0.45});
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPolygon(head);
    painter.restore();
}

void drawFailureMark(const Painting &p, QPointF centre)
{
    QPainter &painter = p.painter;
    const qreal r = p.z(7);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(p.state.colors.failed);
    painter.drawEllipse(centre, r, r);
    painter.setPen(QPen(p.state.colors.background, p.z(2)));
    const qreal d = r * 0.45;
    painter.drawLine(centre + QPointF(-d, -d), centre + QPointF(d, d));
    painter.drawLine(centre + QPointF(-d, d), centre + QPointF(d, -d));
    painter.restore();
}

void drawArrow(const Painting &p, const StepGeometry &g, const StepResult &step)
{
    QPainter &painter = p.painter;
    const QPen pen = stepPen(p, step);
    painter.setPen(pen);
    const qreal head = p.z(9);
    if (g.self) {
        const qreal loop = p.options.selfLoopWidth * p.layout.zoom;
        QPainterPath path(g.from);
        path.lineTo(g.from.x() + loop, g.from.y());
        path.lineTo(g.to.x() + loop, g.to.y());
        path.lineTo(g.to + QPointF(head * 0.6, 0));
        painter.drawPath(path);
        drawArrowHead(painter, g.to, QPointF(-1, 0), head, pen.color());
    } else {
        const qreal sign = g.to.x() > g.from.x() ? 1 : -1;
        painter.drawLine(g.from, g.to - QPointF(sign * head * 0.6, 0));
        drawArrowHead(painter, g.to, QPointF(sign, 0), head, pen.color());
    }
    if (step.status == StepStatus::Failed)
        drawFailureMark(p, g.self ? QPointF(g.from.x() + p.options.selfLoopWidth * p.layout.zoom, g.band.center().y())
                                  : g.to + QPointF(g.to.x() > g.from.x() ? p.z(10) : -p.z(10), 0));
}

// Text under the arrow: the key record's signal (or its line), so that the picture names its evidence.
QString evidenceText(const Painting &p, const StepResult &step)
{
    if (!p.store || !step.keyRecord.isValid() || step.keyRecord.value >= p.store->recordCount())
        return step.status == StepStatus::Missing ? QObject::tr("not in the trace") : QString();
    const QByteArrayView signal = p.store->signalName(step.keyRecord);
    const qint64 line = p.store->line(step.keyRecord).value;
    if (!signal.isEmpty())
        return QObject::tr("%1 · line %2").arg(QString::fromLatin1(signal)).arg(line);
    return QObject::tr("line %1").arg(line);
}

void drawLabel(const Painting &p, const StepGeometry &g, const StepResult &step)
{
    QPainter &painter = p.painter;
    QColor colour = step.status == StepStatus::NotReached ? stepColour(p, step) : p.state.colors.text;
    if (step.status == StepStatus::Failed)
        colour = p.state.colors.failed;
    QRectF rect = g.label;
    if (!step.seed.isEmpty()) {
        painter.setFont(p.smallFont);
        const QFontMetricsF metrics(p.smallFont);
        const qreal w = metrics.horizontalAdvance(step.seed) + p.z(8);
        const qreal badgeTop = g.self ? rect.top() + p.z(1) : rect.bottom() - metrics.height() - p.z(3);
        const QRectF badge(rect.left(), badgeTop, w, metrics.height() + p.z(1));
        painter.setPen(QPen(stepColour(p, step), p.z(1)));
        painter.drawRoundedRect(badge, p.z(3), p.z(3));
        painter.drawText(badge, Qt::AlignCenter, step.seed);
        rect.setLeft(badge.right() + p.z(4));
    }
    QFont font = step.status == StepStatus::Failed ? p.boldFont : p.font;
    font.setItalic(step.status == StepStatus::Missing);
    painter.setFont(font);
    painter.setPen(colour);
    const QString text = QFontMetricsF(font).elidedText(step.label, Qt::ElideRight, rect.width());
    painter.drawText(rect, Qt::AlignLeft | (g.self ? Qt::AlignTop : Qt::AlignBottom), text);

    const QString evidence = evidenceText(p, step);
    if (evidence.isEmpty() && step.note.isEmpty())
        return;
    painter.setFont(p.smallFont);
    painter.setPen(faded(p.state.colors.mutedText, p.state.colors.background, 0.7));
    QRectF below = g.self ? QRectF(g.label.left(), g.label.center().y(), g.label.width(), g.label.height() / 2)
                          : QRectF(g.label.left(), g.from.y() + p.z(1), g.label.width(), g.band.bottom() - g.from.y());
    const QFontMetricsF metrics(p.smallFont);
    const QString shown = metrics.elidedText(evidence, Qt::ElideRight, below.width());
    painter.drawText(below, Qt::AlignLeft | Qt::AlignTop, shown);
    if (step.note.isEmpty())
        return;
    // The engineer's note follows the evidence on its line, on a pale tag, as far right as the lanes
    // (or the cause banner beside them) leave room.
    if (!shown.isEmpty())
        below.setLeft(below.left() + metrics.horizontalAdvance(shown) + p.z(8));
    qreal right = p.layout.size.width() - p.z(8);
    if (!p.layout.banner.isEmpty() && !p.layout.bannerBelow && p.layout.banner.top() < g.band.bottom() &&
        p.layout.banner.bottom() > g.band.top())
        right = p.layout.banner.left() - p.z(8);
    below.setRight(std::max(below.right(), right));
    const QString note =
        metrics.elidedText(QObject::tr("Note: %1").arg(step.note.simplified()), Qt::ElideRight, below.width() - p.z(6));
    if (note.isEmpty())
        return;
    const QRectF tag(below.left(), below.top(), metrics.horizontalAdvance(note) + p.z(6), metrics.height());
    painter.fillRect(tag, faded(p.state.colors.slow, p.state.colors.background, 0.3));
    painter.setPen(p.state.colors.text);
    painter.drawText(tag, Qt::AlignCenter, note);
}

void drawTimeCells(const Painting &p, const StepGeometry &g, const StepResult &step)
{
    if (g.timeCell.isEmpty())
        return;
    QPainter &painter = p.painter;
    painter.setFont(p.smallFont);
    const QColor muted = step.status == StepStatus::NotReached
                             ? faded(p.state.colors.mutedText, p.state.colors.background)
                             : p.state.colors.mutedText;
    painter.setPen(muted);
    const qreal pad = p.z(4);
    painter.drawText(g.timeCell.adjusted(pad, 0, -pad, 0), Qt::AlignRight | Qt::AlignVCenter, stepTimeText(step));
    if (step.slow) {
        QFont bold = p.smallFont;
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(p.state.colors.slow);
    }
    painter.drawText(g.deltaCell.adjusted(pad, 0, -pad, 0), Qt::AlignRight | Qt::AlignVCenter, deltaText(step.deltaMs));
}

void drawRowBackground(const Painting &p, const StepGeometry &g)
{
    QColor fill;
    if (g.step == p.state.selectedStep)
        fill = p.state.colors.selection;
    else if (g.step == p.state.hoveredStep)
        fill = p.state.colors.hover;
    else
        return;
    QRectF band = g.band;
    if (!g.timeCell.isEmpty())
        band.setLeft(g.timeCell.left());
    p.painter.fillRect(band, fill);
}

void drawBanner(const Painting &p)
{
    if (p.layout.bannerStep < 0)
        return;
    QPainter &painter = p.painter;
    const FlowColors &c = p.state.colors;
    const StepGeometry *failed = p.layout.geometryOfStep(p.layout.bannerStep);
    if (failed && failed->fromLane >= 0) {
        painter.setPen(QPen(c.failed, p.z(1.2), Qt::DotLine));
        const qreal loop = failed->self ? p.options.selfLoopWidth * p.layout.zoom : 0;
        if (p.layout.bannerBelow) {
            const qreal x = failed->self ? failed->from.x() + loop : failed->to.x();
            painter.drawLine(QPointF(x, failed->band.bottom() - p.z(4)), QPointF(x, p.layout.banner.top()));
        } else {
            const qreal startX = std::max(failed->from.x(), failed->to.x()) + (failed->self ? loop : p.z(18));
            const qreal y = failed->self ? failed->band.center().y() : failed->to.y();
            painter.drawLine(QPointF(startX, y), QPointF(p.layout.banner.left(), y));
        }
    }
    painter.setPen(QPen(c.failed, p.z(2)));
    painter.setBrush(c.failedFill);
    painter.drawRoundedRect(p.layout.banner, p.z(6), p.z(6));
    painter.setBrush(Qt::NoBrush);
    for (const TextBlock &block : p.layout.bannerText) {
        painter.setFont(block.bold ? p.boldFont : p.font);
        painter.setPen(block.bold ? c.failed : c.text);
        painter.drawText(block.rect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, block.text);
    }
}

} // namespace

FlowColors FlowColors::light()
{
    return {QColor(0xff, 0xff, 0xff), QColor(0x20, 0x24, 0x2a), QColor(0x5f, 0x67, 0x70), QColor(0xb0, 0xb6, 0xbd),
            QColor(0xee, 0xf2, 0xf7), QColor(0x8a, 0x96, 0xa3), QColor(0x2d, 0x4f, 0x7c), QColor(0xc6, 0x28, 0x28),
            QColor(0xfd, 0xec, 0xea), QColor(0xd9, 0x82, 0x00), QColor(0x80, 0x80, 0x80), QColor(0xcc, 0xe0, 0xff),
            QColor(0xee, 0xf4, 0xff)};
}

FlowColors FlowColors::dark()
{
    return {QColor(0x1e, 0x21, 0x26), QColor(0xe6, 0xe8, 0xeb), QColor(0xa4, 0xab, 0xb3), QColor(0x55, 0x5c, 0x66),
            QColor(0x2b, 0x31, 0x3a), QColor(0x6a, 0x74, 0x80), QColor(0x8c, 0xb4, 0xe8), QColor(0xff, 0x6b, 0x6b),
            QColor(0x4a, 0x22, 0x24), QColor(0xff, 0xb3, 0x3b), QColor(0x9a, 0x9a, 0x9a), QColor(0x2d, 0x45, 0x6b),
            QColor(0x27, 0x2e, 0x3a)};
}

FlowColors FlowColors::fromPalette(const QPalette &palette)
{
    const bool darkPalette = palette.color(QPalette::Window).lightnessF() < 0.5;
    FlowColors colours = darkPalette ? dark() : light();
    colours.background = palette.color(QPalette::Base);
    colours.text = palette.color(QPalette::Text);
    QColor selection = palette.color(QPalette::Highlight);
    selection.setAlphaF(0.25f);
    colours.selection = selection;
    return colours;
}

void paintFlow(QPainter &painter, const LaneLayout &layout, const Session &session, const TraceStore *store,
               const FlowPaintOptions &options, const FlowPaintState &state)
{
    const QFont font = scaled(options.font, layout.zoom);
    QFont bold = font;
    bold.setBold(true);
    const Painting p{painter, layout, session, store, options, state, font, scaled(font, 0.85), bold};

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (state.fillBackground)
        painter.fillRect(state.exposed.isEmpty() ? QRectF(QPointF(0, 0), layout.size) : state.exposed,
                         state.colors.background);
    for (const StepGeometry &g : layout.steps) {
        if (state.exposed.isEmpty() || state.exposed.intersects(g.band.united(g.timeCell)))
            drawRowBackground(p, g);
    }
    drawLaneLines(p);
    drawHeaders(p);
    for (const StepGeometry &g : layout.steps) {
        if (!state.exposed.isEmpty() && !state.exposed.intersects(g.band.united(g.timeCell)))
            continue;
        const StepResult &step = session.steps[g.step];
        drawTimeCells(p, g, step);
        if (g.fromLane < 0)
            continue;
        drawArrow(p, g, step);
        drawLabel(p, g, step);
    }
    drawBanner(p);
    painter.restore();
}

void paintFlowHeaders(QPainter &painter, const LaneLayout &layout, const Session &session,
                      const FlowPaintOptions &options, const FlowColors &colors, qreal top)
{
    const QFont font = scaled(options.font, layout.zoom);
    QFont bold = font;
    bold.setBold(true);
    FlowPaintState state;
    state.colors = colors;
    const Painting p{painter, layout, session, nullptr, options, state, font, scaled(font, 0.85), bold};
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(0, top);
    const qreal bottom = layout.lanes.isEmpty() ? layout.timeHeader.bottom() : layout.lanes.first().header.bottom();
    painter.fillRect(QRectF(0, 0, layout.size.width(), bottom + p.z(4)), colors.background);
    drawHeaders(p);
    painter.setPen(QPen(colors.headerBorder, p.z(0.5)));
    painter.drawLine(QPointF(0, bottom + p.z(4)), QPointF(layout.size.width(), bottom + p.z(4)));
    painter.restore();
}

QString stepTimeText(const StepResult &step)
{
    if (step.timeMs < 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(step.timeMs, QTimeZone::UTC).time().toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString deltaText(qint64 deltaMs)
{
    if (deltaMs < 0)
        return {};
    if (deltaMs < 1000)
        return QObject::tr("+%1 ms").arg(deltaMs);
    if (deltaMs < 60'000)
        return QObject::tr("+%1 s").arg(double(deltaMs) / 1000.0, 0, 'f', 2);
    return QObject::tr("+%1 min").arg(double(deltaMs) / 60'000.0, 0, 'f', 1);
}

QString stepStatusText(const StepResult &step)
{
    switch (step.status) {
    case StepStatus::Passed:
        return step.slow ? QObject::tr("passed, slow") : QObject::tr("passed");
    case StepStatus::Failed:
        return QObject::tr("failed");
    case StepStatus::Missing:
        return QObject::tr("missing in the trace");
    case StepStatus::NotReached:
        break;
    }
    return QObject::tr("not reached");
}

} // namespace CtiFlow
