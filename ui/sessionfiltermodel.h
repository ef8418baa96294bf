// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flow/session.h"

#include <QColor>
#include <QIcon>
#include <QSortFilterProxyModel>

namespace CtiFlow {

// The analysis' SessionModel as the window shows it: failures sort first on the outcome column,
// the outcome reads "Failed" with a red icon, and a filter matches user, device, node, outcome,
// step, cause and code.
class SessionFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SessionFilterModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
};

QColor outcomeColour(Outcome outcome);
QIcon outcomeIcon(Outcome outcome);
QIcon noteIcon();                     // marks a login with the user's notes on its steps
QString outcomeText(Outcome outcome); // "Failed", "Succeeded", "Incomplete"

} // namespace CtiFlow
