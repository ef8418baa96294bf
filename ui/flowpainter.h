// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lanelayout.h"

#include <QColor>
#include <QPalette>
#include <QRectF>
#include <QString>

class QPainter;

namespace CtiFlow {

struct Session;
struct StepResult;
class TraceStore;

// Colours of the diagram. The view follows the window palette; exports use light().
struct FlowColors
{
    QColor background;
    QColor text;
    QColor mutedText;
    QColor laneLine;
    QColor headerFill;
    QColor headerBorder;
    QColor arrow;
    QColor failed;
    QColor failedFill; // banner background
    QColor slow;
    QColor missing;
    QColor selection;
    QColor hover;

    static FlowColors light();
    static FlowColors dark();
    // light() or dark() by the palette's window lightness, with its highlight for the selection.
    static FlowColors fromPalette(const QPalette &palette);
};

// What is selected or hovered when the picture is drawn; exports leave both at -1.
struct FlowPaintState
{
    int selectedStep = -1; // index into Session::steps
    int hoveredStep = -1;
    QRectF exposed; // only rows meeting this rectangle are drawn; empty means everything
    bool fillBackground = true;
    FlowColors colors = FlowColors::light();
};

// Draws the session's diagram as laid out by layout(session, options) into any painter: the widget,
// a QImage for PNG, QSvgGenerator or QPdfWriter. The store, when given, adds the key record's signal
// name or line under each arrow.
void paintFlow(QPainter &painter, const LaneLayout &layout, const Session &session, const TraceStore *store,
               const FlowPaintOptions &options, const FlowPaintState &state = {});

// Only the time/delta and lane headers with their background, shifted down by `top`: the view keeps
// them at the top of the window while the rows scroll under them.
void paintFlowHeaders(QPainter &painter, const LaneLayout &layout, const Session &session,
                      const FlowPaintOptions &options, const FlowColors &colors, qreal top);

// "08:59:17.058", or "" when the step has no time.
QString stepTimeText(const StepResult &step);
// "+116 ms", "+1.84 s", or "" when unknown.
QString deltaText(qint64 deltaMs);
// Human words for a status: "passed", "failed", "missing in the trace", "not reached".
QString stepStatusText(const StepResult &step);

} // namespace CtiFlow
