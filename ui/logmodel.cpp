// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logmodel.h"

#include "tracestore.h"

#include <QFileInfo>

#include <algorithm>
#include <limits>

namespace CtiFlow {

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LogModel::setStore(std::shared_ptr<const TraceStore> store)
{
    beginResetModel();
    m_store = std::move(store);
    m_filter.reset();
    endResetModel();
}

void LogModel::setFilter(std::optional<QList<RecordIndex>> records)
{
    beginResetModel();
    m_filter = std::move(records);
    if (m_filter)
        std::sort(m_filter->begin(), m_filter->end());
    endResetModel();
}

RecordIndex LogModel::recordAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_filter ? (*m_filter)[row] : RecordIndex{row};
}

int LogModel::rowOf(RecordIndex record) const
{
    if (!m_store || !record.isValid())
        return -1;
    if (!m_filter)
        return record.value < rowCount() ? int(record.value) : -1;
    const auto it = std::lower_bound(m_filter->cbegin(), m_filter->cend(), record);
    return it != m_filter->cend() && *it == record ? int(it - m_filter->cbegin()) : -1;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_store)
        return 0;
    if (m_filter)
        return int(m_filter->size());
    // Views address rows with int; larger stores are shown up to that row.
    return int(std::min<qsizetype>(m_store->recordCount(), std::numeric_limits<int>::max()));
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::firstLine(const TraceStore &store, RecordIndex record)
{
    QByteArrayView text = store.recordText(record);
    const qsizetype newline = text.indexOf('\n');
    if (newline < 0)
        return QString::fromUtf8(text);
    const qsizetype more = text.count('\n');
    QString line = QString::fromUtf8(text.first(newline));
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line + tr("  [+%n line(s)]", nullptr, int(more));
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecordIndex record = recordAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NodeColumn:
            return m_store->fileOf(record).node;
        case LineColumn:
            return m_store->line(record).value;
        case RecordColumn:
            return firstLine(*m_store, record);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == LineColumn)
            return QString(m_store->fileOf(record).path + QLatin1Char(':') +
                           QString::number(m_store->line(record).value));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == LineColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case RecordIndexRole:
        return QVariant::fromValue(record.value);
    case FullTextRole:
        return QString::fromUtf8(m_store->recordText(record));
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NodeColumn:
        return tr("Node");
    case LineColumn:
        return tr("Line");
    case RecordColumn:
        return tr("Record");
    default:
        return {};
    }
}

} // namespace CtiFlow
