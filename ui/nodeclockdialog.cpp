// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodeclockdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace CtiFlow {

namespace {

constexpr double maxOffsetSeconds = 24 * 60 * 60;

} // namespace

NodeClockDialog::NodeClockDialog(const QStringList &nodes, const QHash<QString, qint64> &offsets, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Shift Node Clocks"));
    setMinimumWidth(460); // room for the explanation to read as a paragraph
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("When the clocks of the CTI Managers disagree, their records interleave in the "
                                "wrong order. Add an offset to a node's times; the bundle is read again with "
                                "the nodes merged by the shifted times."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    for (const QString &node : nodes) {
        auto *box = new QDoubleSpinBox(this);
        box->setRange(-maxOffsetSeconds, maxOffsetSeconds);
        box->setDecimals(3);
        box->setSingleStep(0.1);
        box->setSuffix(tr(" s"));
        box->setValue(double(offsets.value(node)) / 1000.0);
        box->setAccessibleName(tr("Clock offset of %1").arg(node));
        form->addRow(node.isEmpty() ? tr("(no node folder)") : node, box);
        m_boxes.insert(node, box);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QHash<QString, qint64> NodeClockDialog::offsets() const
{
    QHash<QString, qint64> result;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        const auto ms = qint64(std::llround(it.value()->value() * 1000.0));
        if (ms != 0)
            result.insert(it.key(), ms);
    }
    return result;
}

QString clockOffsetText(qint64 offsetMs)
{
    const QLatin1Char sign(offsetMs < 0 ? '-' : '+');
    const qint64 magnitude = offsetMs < 0 ? -offsetMs : offsetMs;
    return QStringLiteral("%1%2.%3 s").arg(sign).arg(magnitude / 1000).arg(magnitude % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace CtiFlow
