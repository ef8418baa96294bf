// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionmodel.h"

#include "ctierror.h"
#include "sessionjson.h"

namespace CtiFlow {

SessionModel::SessionModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SessionModel::setSessions(QList<Session> sessions)
{
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

const Session *SessionModel::sessionAt(int row) const
{
    return row >= 0 && row < m_sessions.size() ? &m_sessions[row] : nullptr;
}

QString SessionModel::notesText(const Session &session)
{
    QStringList lines;
    for (const StepResult &step : session.steps) {
        if (!step.note.isEmpty())
            lines.append(step.label + QStringLiteral(": ") + step.note);
    }
    return lines.join(QLatin1Char('\n'));
}

void SessionModel::setStepNote(int row, int step, const QString &note)
{
    if (row < 0 || row >= m_sessions.size() || step < 0 || step >= m_sessions[row].steps.size())
        return;
    m_sessions[row].steps[step].note = note;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int SessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int SessionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionModel::display(const Session &session, int column) const
{
    const int failed = session.failedStepIndex();
    switch (column) {
    case NumberColumn:
        return session.number;
    case TimeColumn:
        return timeOfDayText(session.firstMs);
    case LoginColumn:
        return session.login;
    case DevicesColumn:
        return session.devices.join(QStringLiteral(", "));
    case NodeColumn:
        return session.node;
    case OutcomeColumn:
        return outcomeId(session.outcome);
    case FailedStepColumn:
        return failed >= 0 ? session.steps[failed].label : QString();
    case CauseColumn:
        return session.cause ? session.cause->title : QString();
    case CodeColumn:
        return session.cause && session.cause->code ? ctiErrorHex(*session.cause->code) : QString();
    case DurationColumn:
        return session.firstMs >= 0
                   ? QStringLiteral("%1 s").arg(double(session.lastMs - session.firstMs) / 1000.0, 0, 'f', 3)
                   : QString();
    default:
        break;
    }
    return {};
}

QVariant SessionModel::sortValue(const Session &session, int column) const
{
    switch (column) {
    case TimeColumn:
        return session.firstMs;
    case OutcomeColumn:
        return int(session.outcome);
    case FailedStepColumn:
        return session.failedStepIndex();
    case CodeColumn:
        return session.cause && session.cause->code ? qint64(*session.cause->code) : qint64(-1);
    case DurationColumn:
        return session.lastMs - session.firstMs;
    default:
        break;
    }
    return display(session, column);
}

QVariant SessionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Session &session = m_sessions[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(session, index.column());
    case Qt::ToolTipRole: {
        QStringList tip;
        if (session.cause)
            tip.append(session.cause->explanation);
        if (const QString notes = notesText(session); !notes.isEmpty())
            tip.append(tr("Notes:\n%1").arg(notes));
        return tip.isEmpty() ? QVariant() : QVariant(tip.join(QStringLiteral("\n\n")));
    }
    case NotesRole:
        return notesText(session);
    case SortRole:
        return sortValue(session, index.column());
    case OutcomeRole:
        return int(session.outcome);
    case CauseIdRole:
        return session.cause ? session.cause->id : QString();
    case SessionNumberRole:
        return session.number;
    default:
        break;
    }
    return {};
}

QVariant SessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case LoginColumn:
        return tr("User");
    case DevicesColumn:
        return tr("Device");
    case NodeColumn:
        return tr("Node");
    case OutcomeColumn:
        return tr("Outcome");
    case FailedStepColumn:
        return tr("Failed step");
    case CauseColumn:
        return tr("Cause");
    case CodeColumn:
        return tr("Code");
    case DurationColumn:
        return tr("Duration");
    default:
        break;
    }
    return {};
}

} // namespace CtiFlow
