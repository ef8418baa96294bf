// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "record.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace CtiFlow {

class RecordModel;

// Filters a RecordModel's rows by text, record type, process and time range. Filters combine with
// "and"; an unset filter lets every row through. Matching reads the store's bytes, so no row is
// formatted to be filtered.
class RecordFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RecordFilterModel(QObject *parent = nullptr);

    void setRecordModel(RecordModel *model);

    // Rows whose record text (all fields, continuation lines included) contains text, ignoring ASCII case.
    void setTextFilter(const QString &text);
    // Rows of these types only; an empty list lets all types through.
    void setTypeFilter(const QList<RecordType> &types);
    // Rows whose sender or receiver process is named name ("CTIHandler"), whatever its numbers.
    void setProcessFilter(const QString &name);
    // Rows with from <= time <= to (ms since the epoch, node clock offsets applied).
    void setTimeRange(std::optional<qint64> from, std::optional<qint64> to);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool acceptsRecord(RecordIndex index) const;
    void refilter();

    RecordModel *m_records = nullptr;
    QByteArray m_text;
    quint32 m_typeMask = 0; // bit per RecordType, 0 = all
    QByteArray m_process;
    std::optional<qint64> m_from;
    std::optional<qint64> m_to;
};

} // namespace CtiFlow
