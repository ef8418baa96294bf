// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordmodel.h"

#include <QDateTime>
#include <QTimeZone>

namespace CtiFlow {

namespace {

QString processLabel(QByteArrayView field)
{
    return displayText(field);
}

} // namespace

RecordModel::RecordModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RecordModel::setStore(std::shared_ptr<const TraceStore> store)
{
    beginResetModel();
    m_store = std::move(store);
    endResetModel();
}

int RecordModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_store)
        return 0;
    // Views address rows with int; stores past INT_MAX records are shown up to that row.
    return int(std::min<qsizetype>(m_store->recordCount(), std::numeric_limits<int>::max()));
}

int RecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecordIndex record{index.row()};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return displayData(record, index.column());
    case RecordIndexRole:
        return QVariant::fromValue(record.value);
    case RecordTypeRole:
        return int(m_store->entry(record).type);
    case SortRole:
        switch (index.column()) {
        case IndexColumn:
        case LocationColumn:
            return QVariant::fromValue(record.value);
        case TimeColumn:
            return m_store->timeMs(record);
        default:
            return displayData(record, index.column());
        }
    default:
        return {};
    }
}

QVariant RecordModel::displayData(RecordIndex record, int column) const
{
    switch (column) {
    case IndexColumn:
        return QString::fromLatin1(m_store->fields(record).sequence);
    case NodeColumn:
        return m_store->fileOf(record).node;
    case TimeColumn:
        return QString::fromLatin1(m_store->fields(record).time);
    case TypeColumn:
        return recordTypeName(m_store->entry(record).type);
    case SignalColumn:
        return QString::fromUtf8(m_store->signalName(record));
    case FromColumn:
        return processLabel(m_store->fields(record).source);
    case ToColumn:
        return processLabel(m_store->fields(record).destination);
    case TextColumn:
        return displayText(m_store->fields(record).text);
    case LocationColumn:
        return QString(m_store->fileOf(record).path + QLatin1Char(':') + QString::number(m_store->line(record).value));
    default:
        return {};
    }
}

QVariant RecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IndexColumn:
        return tr("Sequence");
    case NodeColumn:
        return tr("Node");
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Type");
    case SignalColumn:
        return tr("Signal");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case TextColumn:
        return tr("Text");
    case LocationColumn:
        return tr("File:line");
    default:
        return {};
    }
}

} // namespace CtiFlow
