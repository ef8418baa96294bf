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
    m_mark = {};
    endResetModel();
}

void LogModel::setTimeMark(RecordIndex record)
{
    if (!m_store || record.value >= m_store->recordCount())
        record = {};
    if (record == m_mark)
        return;
    m_mark = record;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, MarkColumn), index(rowCount() - 1, MarkColumn), {Qt::DisplayRole});
    Q_EMIT headerDataChanged(Qt::Horizontal, MarkColumn, MarkColumn);
}

QString LogModel::markDelta(qint64 ms)
{
    const QChar sign = ms < 0 ? QChar(0x2212) : QLatin1Char('+'); // a minus sign, not a hyphen
    const qint64 a = ms < 0 ? -ms : ms;
    if (a < 1000)
        return sign + QString::number(a) + QStringLiteral(" ms");
    const QString millis = QStringLiteral("%1").arg(a % 1000, 3, 10, QLatin1Char('0'));
    if (a < 60 * 1000)
        return sign + QString::number(a / 1000) + QLatin1Char('.') + millis + QStringLiteral(" s");
    const QString seconds = QStringLiteral("%1.%2").arg(a / 1000 % 60, 2, 10, QLatin1Char('0')).arg(millis);
    if (a < 3600 * 1000)
        return sign + QString::number(a / 60000) + QLatin1Char(':') + seconds;
    return sign + QString::number(a / 3600000) + QLatin1Char(':') +
           QStringLiteral("%1").arg(a / 60000 % 60, 2, 10, QLatin1Char('0')) + QLatin1Char(':') + seconds;
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
        case MarkColumn:
            if (!m_mark.isValid())
                return {};
            return record == m_mark ? tr("mark") : markDelta(m_store->timeMs(record) - m_store->timeMs(m_mark));
        case RecordColumn:
            return firstLine(*m_store, record);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == LineColumn)
            return QString(m_store->fileOf(record).path + QLatin1Char(':') +
                           QString::number(m_store->line(record).value));
        if (index.column() == MarkColumn && m_mark.isValid())
            return tr("Time from the marked record, line %1 of %2")
                .arg(m_store->line(m_mark).value)
                .arg(QFileInfo(m_store->fileOf(m_mark).path).fileName());
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == LineColumn || index.column() == MarkColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
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
    case MarkColumn:
        return tr("From mark");
    case RecordColumn:
        return tr("Record");
    default:
        return {};
    }
}

} // namespace CtiFlow
