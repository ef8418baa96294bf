// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flow/session.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace CtiFlow {

// The sessions of a bundle, one row each.
class SessionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        OutcomeColumn,
        UserColumn,
        DeviceColumn,
        NodeColumn,
        StartColumn,
        DurationColumn,
        FailedStepColumn,
        CauseColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw value: failures sort before incomplete before succeeded
        SessionRole,                 // int index into sessions()
        OutcomeRole,                 // int(Outcome)
    };

    explicit SessionTableModel(QObject *parent = nullptr);

    void setSessions(QList<Session> sessions);
    const QList<Session> &sessions() const { return m_sessions; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QColor outcomeColour(Outcome outcome);
    static QIcon outcomeIcon(Outcome outcome);
    static QString outcomeText(Outcome outcome);

private:
    QVariant displayData(const Session &session, int column) const;
    QVariant sortData(const Session &session, int column) const;

    QList<Session> m_sessions;
};

// Sorting on raw values and a filter over user, device, node, outcome and cause text.
class SessionFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SessionFilterModel(QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
};

} // namespace CtiFlow
