// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordfiltermodel.h"

#include "recordmodel.h"

#include <QLatin1StringView>

namespace CtiFlow {

RecordFilterModel::RecordFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RecordModel::SortRole);
}

void RecordFilterModel::setRecordModel(RecordModel *model)
{
    m_records = model;
    setSourceModel(model);
}

void RecordFilterModel::setTextFilter(const QString &text)
{
    m_text = text.toUtf8();
    refilter();
}

void RecordFilterModel::setTypeFilter(const QList<RecordType> &types)
{
    m_typeMask = 0;
    for (const RecordType type : types)
        m_typeMask |= 1U << unsigned(type);
    refilter();
}

void RecordFilterModel::setProcessFilter(const QString &name)
{
    m_process = name.trimmed().toUtf8();
    refilter();
}

void RecordFilterModel::setTimeRange(std::optional<qint64> from, std::optional<qint64> to)
{
    m_from = from;
    m_to = to;
    refilter();
}

void RecordFilterModel::refilter()
{
    invalidateRowsFilter();
}

bool RecordFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_records || !m_records->store())
        return false;
    return acceptsRecord(RecordIndex{sourceRow});
}

bool RecordFilterModel::acceptsRecord(RecordIndex index) const
{
    const TraceStore &store = *m_records->store();
    const RecordEntry &entry = store.entry(index);
    if (m_typeMask != 0 && (m_typeMask & (1U << unsigned(entry.type))) == 0)
        return false;
    if (m_from || m_to) {
        const qint64 time = store.timeMs(index);
        if ((m_from && time < *m_from) || (m_to && time > *m_to))
            return false;
    }
    if (!m_process.isEmpty()) {
        if (!isSignal(entry.type))
            return false;
        const RecordFields fields = store.fields(index);
        if (parseProcessTuple(fields.source).name != m_process &&
            parseProcessTuple(fields.destination).name != m_process)
            return false;
    }
    if (!m_text.isEmpty()) {
        const QByteArrayView text = store.recordText(index);
        if (!QLatin1StringView(text).contains(QLatin1StringView(m_text), Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace CtiFlow
