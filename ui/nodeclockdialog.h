// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>
#include <QStringList>

class QDoubleSpinBox;

namespace CtiFlow {

// Lets the user shift the clock of each node of a bundle, when the CTI Managers' clocks disagree and
// their records interleave in the wrong order. Offsets are in milliseconds, added to the node's times.
class NodeClockDialog : public QDialog
{
    Q_OBJECT

public:
    NodeClockDialog(const QStringList &nodes, const QHash<QString, qint64> &offsets, QWidget *parent = nullptr);

    // The offsets as set, nodes left at zero omitted.
    QHash<QString, qint64> offsets() const;
    QDoubleSpinBox *offsetBox(const QString &node) const { return m_boxes.value(node); }

private:
    QHash<QString, QDoubleSpinBox *> m_boxes;
};

// "+1.500 s" for 1500 ms.
QString clockOffsetText(qint64 offsetMs);

} // namespace CtiFlow
