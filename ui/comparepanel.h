// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioncompare.h"

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace CtiFlow {

// Steps of a login beside those of a reference login: status and time of each, and how they differ.
class CompareModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StepColumn,
        HereColumn,
        ThereColumn,
        DifferenceColumn,
        ColumnCount
    };

    explicit CompareModel(QObject *parent = nullptr);

    void setRows(QList<StepComparison> rows);
    const QList<StepComparison> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StepComparison> m_rows;
};

// The selected login set beside a succeeded one: by default the same user's nearest, else the same
// node's, else any (referenceSessions()); the list above the table offers the others, and last the
// textbook login of Cisco's published trace, which is the default when none of the bundle succeeded.
class ComparePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ComparePanel(QWidget *parent = nullptr);

    // sessions: the bundle's; session: the selected one's index, -1 for none.
    void showSession(const QList<Session> &sessions, int session);
    // Index into the sessions, textbookReference for Cisco's published success trace, -1 for none.
    int referenceSession() const;
    static constexpr int textbookReference = -2;

    CompareModel *model() const { return m_model; }
    QComboBox *referenceBox() const { return m_reference; }
    QLabel *summary() const { return m_summary; }

private:
    void compare();

    QList<Session> m_sessions;
    int m_session = -1;
    QComboBox *m_reference;
    QLabel *m_summary;
    QTableView *m_table;
    CompareModel *m_model;
};

} // namespace CtiFlow
