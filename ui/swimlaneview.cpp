// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "swimlaneview.h"

#include <QPainter>

namespace CtiFlow {

SwimLaneView::SwimLaneView(QWidget *parent)
    : QWidget(parent)
{
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void SwimLaneView::setLanes(const QStringList &lanes)
{
    m_lanes = lanes;
    update();
}

QSize SwimLaneView::sizeHint() const
{
    return {160 * int(std::max<qsizetype>(m_lanes.size(), 1)), 240};
}

void SwimLaneView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_lanes.isEmpty())
        return;
    const qreal laneWidth = qreal(width()) / qreal(m_lanes.size());
    const int headerHeight = fontMetrics().height() * 2;
    for (qsizetype i = 0; i < m_lanes.size(); ++i) {
        const QRectF header(qreal(i) * laneWidth + 4, 4, laneWidth - 8, headerHeight);
        painter.setPen(palette().color(QPalette::Mid));
        painter.setBrush(palette().color(QPalette::AlternateBase));
        painter.drawRoundedRect(header, 4, 4);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(header, Qt::AlignCenter, m_lanes[i]);
        const qreal x = header.center().x();
        painter.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
        painter.drawLine(QPointF(x, header.bottom()), QPointF(x, height()));
    }
}

} // namespace CtiFlow
