// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparepanel.h"

#include "flowtext.h"
#include "sessionfiltermodel.h"
#include "sessionjson.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace CtiFlow {

namespace {

QString statusWord(StepStatus status)
{
    StepResult step;
    step.status = status;
    return stepStatusWord(step);
}

QString statusText(StepStatus status, qint64 deltaMs, bool present = true)
{
    if (!present)
        return QObject::tr("no such step");
    if (status == StepStatus::Passed && deltaMs >= 0)
        return QObject::tr("passed, +%1").arg(formatDuration(deltaMs));
    return statusWord(status);
}

QString differenceText(const StepComparison &row)
{
    switch (row.difference) {
    case StepComparison::Difference::Status:
        return QObject::tr("%1 here, %2 there").arg(statusWord(row.here), statusWord(row.there));
    case StepComparison::Difference::Slower:
        return QObject::tr("%1 slower").arg(formatDuration(row.hereDeltaMs - row.thereDeltaMs));
    case StepComparison::Difference::Faster:
        return QObject::tr("%1 faster").arg(formatDuration(row.thereDeltaMs - row.hereDeltaMs));
    case StepComparison::Difference::None:
        break;
    }
    return {};
}

QString sessionTitle(const Session &session)
{
    const QString user = session.login.isEmpty() ? QObject::tr("unknown user") : session.login;
    return QObject::tr("Session %1 · %2 · %3 · %4")
        .arg(session.number)
        .arg(user, session.node, timeOfDayText(session.firstMs));
}

} // namespace

CompareModel::CompareModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CompareModel::setRows(QList<StepComparison> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int CompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StepComparison &row = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StepColumn:
            return row.label;
        case HereColumn:
            return statusText(row.here, row.hereDeltaMs);
        case ThereColumn:
            return statusText(row.there, row.thereDeltaMs, row.inReference);
        case DifferenceColumn:
            return differenceText(row);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() != ThereColumn) {
        if (row.difference == StepComparison::Difference::Status)
            return outcomeColour(Outcome::Failed);
        if (row.difference == StepComparison::Difference::Slower)
            return outcomeColour(Outcome::Incomplete);
    }
    if (role == Qt::ToolTipRole && index.column() == StepColumn)
        return row.id;
    return {};
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StepColumn:
        return tr("Step");
    case HereColumn:
        return tr("This login");
    case ThereColumn:
        return tr("Reference");
    case DifferenceColumn:
        return tr("Difference");
    default:
        return {};
    }
}

ComparePanel::ComparePanel(QWidget *parent)
    : QWidget(parent)
    , m_reference(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new CompareModel(this))
{
    m_reference->setToolTip(tr("Succeeded logins, the same user's first, then the same node's, nearest in time first"));
    m_reference->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_summary->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Compare with:"), this));
    top->addWidget(m_reference, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    connect(m_reference, &QComboBox::currentIndexChanged, this, &ComparePanel::compare);
}

void ComparePanel::showSession(const QList<Session> &sessions, int session)
{
    m_sessions = sessions;
    m_session = session >= 0 && session < sessions.size() ? session : -1;
    const QSignalBlocker blocker(m_reference);
    m_reference->clear();
    for (const int candidate : referenceSessions(m_sessions, m_session))
        m_reference->addItem(sessionTitle(m_sessions[candidate]), candidate);
    if (m_session >= 0 && !textbookLogin().steps.isEmpty())
        m_reference->addItem(tr("Textbook login: Cisco's published success trace (CUCM 10.5)"), textbookReference);
    compare();
}

int ComparePanel::referenceSession() const
{
    return m_reference->currentIndex() >= 0 ? m_reference->currentData().toInt() : -1;
}

void ComparePanel::compare()
{
    const int reference = referenceSession();
    if (m_session < 0) {
        m_summary->setText(tr("Select a login to compare."));
        m_model->setRows({});
        return;
    }
    if (reference < 0 && reference != textbookReference) {
        m_summary->setText(tr("No other login of this bundle succeeded: there is nothing to compare with."));
        m_model->setRows({});
        return;
    }
    const bool textbook = reference == textbookReference;
    QList<StepComparison> rows =
        compareSteps(m_sessions[m_session], textbook ? textbookLogin() : m_sessions[reference]);
    const auto first = std::find_if(rows.cbegin(), rows.cend(), [](const StepComparison &row) {
        return row.difference == StepComparison::Difference::Status;
    });
    const auto slow = std::find_if(rows.cbegin(), rows.cend(), [](const StepComparison &row) {
        return row.difference == StepComparison::Difference::Slower;
    });
    QString summary;
    if (first != rows.cend())
        summary = tr("The two logins part ways at <b>%1</b>: %2.").arg(first->label, differenceText(*first));
    else if (slow != rows.cend())
        summary = tr("Same steps; <b>%1</b> took %2 longer here.")
                      .arg(slow->label, formatDuration(slow->hereDeltaMs - slow->thereDeltaMs));
    else
        summary = tr("Same steps, in about the same time.");
    // The textbook ran on another cluster: its steps are the pattern, its times only a hint.
    if (textbook && m_reference->count() == 1)
        summary = tr("No login of this bundle succeeded; beside the textbook login instead (its times are another "
                     "cluster's). %1")
                      .arg(summary);
    else if (textbook)
        summary = tr("Beside the textbook login (its times are another cluster's). %1").arg(summary);
    m_summary->setText(summary);
    m_model->setRows(std::move(rows));
    m_table->resizeColumnsToContents();
}

} // namespace CtiFlow
