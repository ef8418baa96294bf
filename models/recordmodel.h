// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracestore.h"

#include <QAbstractTableModel>

#include <memory>

namespace CtiFlow {

// All records of a store, one row each, formatted on demand.
class RecordModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IndexColumn,
        NodeColumn,
        TimeColumn,
        TypeColumn,
        SignalColumn,
        FromColumn,
        ToColumn,
        TextColumn,
        LocationColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw value to sort on
        RecordIndexRole,             // qsizetype index into the store
        RecordTypeRole,              // int(RecordType)
    };

    explicit RecordModel(QObject *parent = nullptr);

    void setStore(std::shared_ptr<const TraceStore> store);
    const TraceStore *store() const { return m_store.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(RecordIndex record, int column) const;

    std::shared_ptr<const TraceStore> m_store;
};

} // namespace CtiFlow
