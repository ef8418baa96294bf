// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flow/session.h"
#include "flowpainter.h"
#include "lanelayout.h"

#include <QAbstractScrollArea>

#include <memory>

namespace CtiFlow {

class TraceStore;

// The swim-lane call-flow diagram of one session, painted from its LaneLayout: click or Up/Down to
// select a step, hover for its key record, Ctrl+wheel or +/- to zoom, lane headers to hide or move
// lanes (context menu, or drag a header onto another).
class SwimLaneView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit SwimLaneView(QWidget *parent = nullptr);

    void setSession(const Session &session, std::shared_ptr<const TraceStore> store);
    void clear();
    bool hasSession() const { return m_hasSession; }
    const Session &session() const { return m_session; }
    const TraceStore *store() const { return m_store.get(); }

    // What the view says while it shows no session: a title and paragraphs under it (why a bundle
    // holds no login, say). An empty title puts back "Select a session to see its call flow".
    void setPlaceholder(const QString &title, const QStringList &paragraphs = {});
    QString placeholderText() const; // title and paragraphs, one per line

    // Changes the note shown on a step of the session shown (the picture only; the layout stays).
    void setStepNote(int step, const QString &note);

    // Index into session().steps, -1 for none. Emits selectedStepChanged when it changes.
    void setSelectedStep(int step);
    int selectedStep() const { return m_selected; }

    // Lanes as drawn now (the standard lanes when no session is shown).
    QStringList lanes() const;
    const LaneLayout &currentLayout() const { return m_layout; }
    const FlowPaintOptions &paintOptions() const { return m_options; }

    void setLaneOrder(const QStringList &order);
    void setHiddenLanes(const QSet<QString> &hidden);
    void hideLane(const QString &lane);
    // The name a lane's header shows (and the exports); an empty name gives back the lane's own.
    void renameLane(const QString &lane, const QString &name);
    void setLaneNames(const LaneNames &names);
    void showAllLanes();
    // Moves a lane by `delta` places among the drawn lanes.
    void moveLane(const QString &lane, int delta);

    qreal zoom() const { return m_options.zoom; }
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fitToWindow();

    // Viewport position of a diagram point, for tests and tooltips.
    QPoint mapFromDiagram(QPointF point) const;
    QPointF mapToDiagram(QPoint viewportPoint) const;

Q_SIGNALS:
    void selectedStepChanged(int step);
    // Lane order or hidden lanes changed by the user; the window remembers them.
    void laneOptionsChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void paintPlaceholder(QPainter &painter, const QRectF &area) const;
    void relayout();
    void updateScrollBars();
    void ensureStepVisible(int step);
    QString toolTipForStep(int step) const;
    int headerLaneAt(QPointF diagramPoint) const;

    Session m_session;
    bool m_hasSession = false;
    std::shared_ptr<const TraceStore> m_store;
    FlowPaintOptions m_options;
    LaneLayout m_layout;
    int m_selected = -1;
    int m_hovered = -1;
    QString m_draggedLane;
    QString m_placeholderTitle;
    QStringList m_placeholderParagraphs;
};

} // namespace CtiFlow
