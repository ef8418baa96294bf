// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionfiltermodel.h"

#include "flow/sessionmodel.h"

#include <QPainter>
#include <QPixmap>

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

Outcome outcomeOf(const QModelIndex &index)
{
    return Outcome(index.data(SessionModel::OutcomeRole).toInt());
}

} // namespace

QColor outcomeColour(Outcome outcome)
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

QIcon noteIcon()
{
    // A small page with a folded corner in the slow colour's amber: "there is a note here".
    static const QIcon icon = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(0x8a, 0x5a, 0x00), 1));
        painter.setBrush(QColor(0xff, 0xe0, 0x8a));
        const QPointF page[] = {{3.5, 1.5}, {9.5, 1.5}, {12.5, 4.5}, {12.5, 14.5}, {3.5, 14.5}};
        painter.drawPolygon(page, 5);
        painter.drawLine(QPointF(5.5, 7.5), QPointF(10.5, 7.5));
        painter.drawLine(QPointF(5.5, 10.5), QPointF(10.5, 10.5));
        return QIcon(pixmap);
    }();
    return icon;
}

QIcon outcomeIcon(Outcome outcome)
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

QString outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Failed:
        return SessionFilterModel::tr("Failed");
    case Outcome::Incomplete:
        return SessionFilterModel::tr("Incomplete");
    case Outcome::Succeeded:
        break;
    }
    return SessionFilterModel::tr("Succeeded");
}

SessionFilterModel::SessionFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SessionModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

QVariant SessionFilterModel::data(const QModelIndex &index, int role) const
{
    const bool outcomeColumn = index.column() == SessionModel::OutcomeColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (outcomeColumn)
            return outcomeText(outcomeOf(index));
        break;
    case Qt::DecorationRole:
        if (outcomeColumn)
            return outcomeIcon(outcomeOf(index));
        // A login with the user's notes on it shows a note mark by its number.
        if (index.column() == SessionModel::NumberColumn && !index.data(SessionModel::NotesRole).toString().isEmpty())
            return noteIcon();
        break;
    case Qt::ForegroundRole:
        if (outcomeColumn || (index.column() == SessionModel::CauseColumn && outcomeOf(index) == Outcome::Failed))
            return outcomeColour(outcomeOf(index));
        break;
    default:
        break;
    }
    return QSortFilterProxyModel::data(index, role);
}

bool SessionFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == SessionModel::OutcomeColumn) {
        // Read from the sessions directly when the source is a SessionModel: sorting tens of
        // thousands of sessions through QVariants holds the window.
        if (const auto *model = qobject_cast<const SessionModel *>(left.model())) {
            const QList<Session> &sessions = model->sessions();
            return outcomeRank(sessions[left.row()].outcome) < outcomeRank(sessions[right.row()].outcome);
        }
        return outcomeRank(outcomeOf(left)) < outcomeRank(outcomeOf(right));
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool SessionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QRegularExpression expression = filterRegularExpression();
    if (expression.pattern().isEmpty())
        return true;
    for (int column : {SessionModel::LoginColumn, SessionModel::DevicesColumn, SessionModel::NodeColumn,
                       SessionModel::FailedStepColumn, SessionModel::CauseColumn, SessionModel::CodeColumn}) {
        if (expression.match(sourceModel()->index(sourceRow, column, sourceParent).data().toString()).hasMatch())
            return true;
    }
    const QModelIndex outcome = sourceModel()->index(sourceRow, SessionModel::OutcomeColumn, sourceParent);
    return expression.match(outcomeText(outcomeOf(outcome))).hasMatch() ||
           expression.match(outcome.data(SessionModel::NotesRole).toString()).hasMatch();
}

} // namespace CtiFlow
