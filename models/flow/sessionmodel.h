// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include <QAbstractTableModel>
#include <QList>

namespace CtiFlow {

// The sessions of an analysis as a table: one row per session, sortable on raw values.
class SessionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        TimeColumn,
        LoginColumn,
        DevicesColumn,
        NodeColumn,
        OutcomeColumn,
        FailedStepColumn,
        CauseColumn,
        CodeColumn,
        DurationColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw value of the cell, for QSortFilterProxyModel
        OutcomeRole,                 // Outcome as int
        CauseIdRole,                 // "not-cti-enabled" or ""
        SessionNumberRole,           // Session::number
        NotesRole,                   // the notes on its steps, "step: note" a line each, "" for none
    };
    Q_ENUM(Role)

    explicit SessionModel(QObject *parent = nullptr);

    void setSessions(QList<Session> sessions);
    const QList<Session> &sessions() const { return m_sessions; }
    const Session *sessionAt(int row) const;
    // The engineer's note on one step of a session (see StepNotes); the row is told it changed.
    void setStepNote(int row, int step, const QString &note);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static QString notesText(const Session &session);
    QVariant display(const Session &session, int column) const;
    QVariant sortValue(const Session &session, int column) const;

    QList<Session> m_sessions;
};

} // namespace CtiFlow
