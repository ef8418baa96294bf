// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiontablemodel.h"

#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QTimeZone>

namespace CtiFlow {

namespace {

int outcomeRank(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Failed:
        return 0;
    case Outcome::Incomplete:
        return 1;
    case Outcome::Succeeded:
        break;
    }
    return 2;
}

QString failedStepLabel(const Session &session)
{
    const int failed = session.failedStepIndex();
    return failed < 0 ? QString() : session.steps[failed].label;
}

QString durationText(const Session &session)
{
    if (session.firstMs < 0 || session.lastMs < session.firstMs)
        return {};
    const qint64 ms = session.lastMs - session.firstMs;
    return ms < 1000 ? SessionTableModel::tr("%1 ms").arg(ms)
                     : SessionTableModel::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 2);
}

} // namespace

SessionTableModel::SessionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SessionTableModel::setSessions(QList<Session> sessions)
{
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Session &session = m_sessions[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(session, index.column());
    case Qt::ToolTipRole:
        if (session.cause)
            return QString(session.cause->title + QLatin1String("\n") + session.cause->explanation);
        return displayData(session, index.column());
    case Qt::DecorationRole:
        return index.column() == OutcomeColumn ? outcomeIcon(session.outcome) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == OutcomeColumn || (index.column() == CauseColumn && session.cause)
                   ? outcomeColour(session.outcome)
                   : QVariant();
    case SortRole:
        return sortData(session, index.column());
    case SessionRole:
        return index.row();
    case OutcomeRole:
        return int(session.outcome);
    default:
        return {};
    }
}

QVariant SessionTableModel::displayData(const Session &session, int column) const
{
    switch (column) {
    case NumberColumn:
        return session.number;
    case OutcomeColumn:
        return outcomeText(session.outcome);
    case UserColumn:
        return session.login;
    case DeviceColumn:
        return session.devices.join(QLatin1String(", "));
    case NodeColumn:
        return session.node;
    case StartColumn:
        return session.firstMs < 0 ? QString()
                                   : QDateTime::fromMSecsSinceEpoch(session.firstMs, QTimeZone::UTC)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case DurationColumn:
        return durationText(session);
    case FailedStepColumn:
        return failedStepLabel(session);
    case CauseColumn:
        return session.cause ? session.cause->title : QString();
    default:
        return {};
    }
}

QVariant SessionTableModel::sortData(const Session &session, int column) const
{
    switch (column) {
    case OutcomeColumn:
        return outcomeRank(session.outcome);
    case StartColumn:
        return session.firstMs;
    case DurationColumn:
        return session.lastMs - session.firstMs;
    default:
        return displayData(session, column);
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case OutcomeColumn:
        return tr("Outcome");
    case UserColumn:
        return tr("User");
    case DeviceColumn:
        return tr("Device");
    case NodeColumn:
        return tr("Node");
    case StartColumn:
        return tr("Start");
    case DurationColumn:
        return tr("Duration");
    case FailedStepColumn:
        return tr("Failing step");
    case CauseColumn:
        return tr("Cause");
    default:
        return {};
    }
}

QColor SessionTableModel::outcomeColour(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case Outcome::Incomplete:
        return QColor(0xb0, 0x6d, 0x00);
    case Outcome::Succeeded:
        break;
    }
    return QColor(0x2e, 0x7d, 0x32);
}

QIcon SessionTableModel::outcomeIcon(Outcome outcome)
{
    // Drawn rather than themed: icon themes differ between desktops and the colour is the message.
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(outcomeColour(outcome));
    painter.drawEllipse(QRectF(1.5, 1.5, 13, 13));
    painter.setPen(QPen(Qt::white, 2));
    if (outcome == Outcome::Failed) {
        painter.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
        painter.drawLine(QPointF(5.5, 10.5), QPointF(10.5, 5.5));
    } else if (outcome == Outcome::Succeeded) {
        painter.drawPolyline(QPolygonF({QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5.5)}));
    } else {
        painter.drawLine(QPointF(5, 8), QPointF(11, 8));
    }
    painter.end();
    return QIcon(pixmap);
}

QString SessionTableModel::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Failed:
        return tr("Failed");
    case Outcome::Incomplete:
        return tr("Incomplete");
    case Outcome::Succeeded:
        break;
    }
    return tr("Succeeded");
}

SessionFilterModel::SessionFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SessionTableModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool SessionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QRegularExpression expression = filterRegularExpression();
    if (expression.pattern().isEmpty())
        return true;
    for (int column :
         {SessionTableModel::UserColumn, SessionTableModel::DeviceColumn, SessionTableModel::NodeColumn,
          SessionTableModel::OutcomeColumn, SessionTableModel::FailedStepColumn, SessionTableModel::CauseColumn}) {
        const QModelIndex index = sourceModel()->index(sourceRow, column, sourceParent);
        if (expression.match(index.data().toString()).hasMatch())
            return true;
    }
    return false;
}

} // namespace CtiFlow
