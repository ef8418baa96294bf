// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

namespace CtiFlow {

// The swim-lane call-flow diagram: one column per lane, time running down.
class SwimLaneView : public QWidget
{
    Q_OBJECT

public:
    explicit SwimLaneView(QWidget *parent = nullptr);

    void setLanes(const QStringList &lanes);
    QStringList lanes() const { return m_lanes; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_lanes;
};

} // namespace CtiFlow
