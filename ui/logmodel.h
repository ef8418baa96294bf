// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "record.h"

#include <QAbstractTableModel>
#include <QList>

#include <memory>
#include <optional>

namespace CtiFlow {

class TraceStore;

// Rows of the log view: every record of the store, or only a chosen subset (one session's records),
// showing the record as written in the trace. Rows stay in timeline order either way, which keeps
// the record -> row look-up a binary search. With a time mark set on one record, every row tells its
// time from it (node clock offsets applied).
class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NodeColumn,
        LineColumn,
        MarkColumn, // time from the marked record; empty without a mark
        RecordColumn,
        ColumnCount
    };
    enum Role
    {
        RecordIndexRole = Qt::UserRole + 1, // qsizetype index into the store
        FullTextRole,                       // the record with its continuation lines
    };

    explicit LogModel(QObject *parent = nullptr);

    void setStore(std::shared_ptr<const TraceStore> store);
    const TraceStore *store() const { return m_store.get(); }
    std::shared_ptr<const TraceStore> sharedStore() const { return m_store; }

    // Shows only these records (sorted on the way in); std::nullopt shows all.
    void setFilter(std::optional<QList<RecordIndex>> records);
    bool isFiltered() const { return m_filter.has_value(); }
    const std::optional<QList<RecordIndex>> &filter() const { return m_filter; }

    // The record the other rows' times are told from; an invalid index clears the mark.
    void setTimeMark(RecordIndex record);
    RecordIndex timeMark() const { return m_mark; }

    RecordIndex recordAt(int row) const;
    // Row showing the record, or -1 when it is filtered out.
    int rowOf(RecordIndex record) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The record's first line as in the file; continuation lines are counted, not shown.
    static QString firstLine(const TraceStore &store, RecordIndex record);
    // "+350 ms", "-1.204 s", "+2:03.500", "+1:02:03.500": a signed time difference as the mark column shows it.
    static QString markDelta(qint64 ms);

private:
    std::shared_ptr<const TraceStore> m_store;
    std::optional<QList<RecordIndex>> m_filter;
    RecordIndex m_mark;
};

} // namespace CtiFlow
