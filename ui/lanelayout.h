// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flowtext.h"

#include <QFont>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>

namespace CtiFlow {

struct Session;

// What the user chose about the diagram: lane order, hidden lanes, zoom. Shared by the on-screen
// view and the exports so that both draw the same picture.
struct FlowPaintOptions
{
    QStringList laneOrder;     // preferred order; lanes not named keep the standard order after these
    QSet<QString> hiddenLanes; // steps touching a hidden lane are drawn on their visible lane
    LaneNames laneNames;       // the user's names for lanes ("Directory" -> "Directory (cucm-pub)")
    qreal zoom = 1.0;
    QFont font;             // base font before zoom; sizes the banner text
    bool showBanner = true; // the cause banner beside the failed step
    bool showTimeColumns = true;
    // Width the drawing may take (the view's viewport); when the cause banner does not fit beside
    // the lanes it goes under the failed step instead. 0 means no limit: always beside.
    qreal availableWidth = 0;

    // Unzoomed metrics in pixels.
    qreal laneWidth = 190;
    qreal rowHeight = 40;
    qreal headerHeight = 36;
    qreal timeColumnWidth = 92;
    qreal deltaColumnWidth = 64;
    qreal bannerWidth = 320;
    qreal margin = 8;
    qreal selfLoopWidth = 34; // how far a step inside one process reaches right of its lane line
};

struct LaneGeometry
{
    QString id;
    qreal x = 0;   // centre line
    QRectF header; // box with the lane name
};

// A piece of wrapped text at a place, so that painters need no font arithmetic of their own.
struct TextBlock
{
    QString text;
    QRectF rect;
    bool bold = false;
};

struct StepGeometry
{
    int step = -1; // index into Session::steps
    int row = -1;
    int fromLane = -1; // indexes into LaneLayout::lanes
    int toLane = -1;
    bool self = false;      // drawn as a loop on its lane (same process, or the other lane hidden)
    bool collapsed = false; // one of its lanes is hidden
    QPointF from;           // arrow tail
    QPointF to;             // arrow head (for a self step: where the loop returns)
    QRectF band;            // the whole row, used for hit testing and the selection highlight
    QRectF label;           // the text above the arrow
    QRectF timeCell;
    QRectF deltaCell;
};

// Pure geometry of one session's swim-lane diagram: no widget, no painting. Lanes are columns, steps
// are rows in flow order; the time and delta columns sit at the left and the failed step's cause
// banner to the right of the lanes.
struct LaneLayout
{
    qreal zoom = 1.0;
    QRectF timeHeader; // headers of the time and delta columns (empty when hidden)
    QRectF deltaHeader;
    QList<LaneGeometry> lanes;
    QList<StepGeometry> steps; // by row
    int bannerStep = -1;       // index into Session::steps of the failed step, -1 when none
    QRectF banner;             // empty when there is no failed step or no banner
    bool bannerBelow = false;  // under the failed step (rows after it moved down), else right of the lanes
    QList<TextBlock> bannerText;
    QSizeF size; // whole drawing, margins included

    int laneIndex(const QString &id) const;
    // Row of a session step, or -1 when the step is not drawn.
    int rowOfStep(int step) const;
    const StepGeometry *geometryOfStep(int step) const;
    // Session step at a point (any x within its row band), or -1.
    int stepAt(QPointF point) const;
    // Lane whose header or column contains x, or -1.
    int laneAt(qreal x) const;
    // The step drawn `delta` rows from `step` (clamped), or the first row when step is not drawn.
    int stepAfter(int step, int delta) const;
};

// Lanes a session uses, in display order: the standard lanes always, optional and unknown lanes only
// when a step touches them, then reordered by options.laneOrder, hidden lanes removed.
QStringList sessionLanes(const Session &session, const FlowPaintOptions &options);

LaneLayout layout(const Session &session, const FlowPaintOptions &options);

} // namespace CtiFlow
