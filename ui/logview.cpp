// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logview.h"

#include "logdelegate.h"
#include "logmodel.h"
#include "tracestore.h"

#include <QCheckBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace CtiFlow {

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_delegate(new LogDelegate(this))
    , m_table(new QTableView(this))
{
    m_table->setModel(m_model);
    m_table->setItemDelegate(m_delegate);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights keep the view fast at millions of rows: no row is measured.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(LogModel::NodeColumn, 90);
    m_table->setColumnWidth(LogModel::LineColumn, 70);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(createFindBar());
    layout->addWidget(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current.row()); });
}

QWidget *LogView::createFindBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(2, 2, 2, 0);
    m_sessionOnly = new QCheckBox(tr("This session only"), bar);
    m_sessionOnly->setToolTip(tr("Show only the records of the selected session"));
    m_find = new QLineEdit(bar);
    m_find->setPlaceholderText(tr("Find in records (Ctrl+F)"));
    m_find->setClearButtonEnabled(true);
    m_regex = new QCheckBox(tr("Regex"), bar);
    auto *previous = new QToolButton(bar);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Find previous (Shift+F3)"));
    auto *next = new QToolButton(bar);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Find next (F3)"));
    m_findStatus = new QLabel(bar);
    layout->addWidget(m_sessionOnly);
    layout->addSpacing(12);
    layout->addWidget(m_find, 1);
    layout->addWidget(m_regex);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_findStatus);

    connect(m_sessionOnly, &QCheckBox::toggled, this, &LogView::applyFilter);
    connect(m_sessionOnly, &QCheckBox::toggled, this, &LogView::sessionOnlyChanged);
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(previous, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(false); });
    return bar;
}

void LogView::setStore(std::shared_ptr<const TraceStore> store)
{
    m_sessionRecords.clear();
    m_delegate->setEvidence({});
    m_model->setStore(std::move(store));
}

void LogView::setSessionRecords(const QList<RecordIndex> &records)
{
    m_sessionRecords = records;
    if (isSessionOnly())
        applyFilter();
}

void LogView::setSessionOnly(bool on)
{
    m_sessionOnly->setChecked(on);
}

bool LogView::isSessionOnly() const
{
    return m_sessionOnly->isChecked();
}

void LogView::applyFilter()
{
    const RecordIndex current = currentRecord();
    if (isSessionOnly())
        m_model->setFilter(m_sessionRecords);
    else
        m_model->setFilter(std::nullopt);
    if (current.isValid())
        selectRecord(current);
}

void LogView::markEvidence(const QList<RecordIndex> &records)
{
    QSet<qsizetype> set;
    for (RecordIndex record : records)
        set.insert(record.value);
    m_delegate->setEvidence(std::move(set));
    m_table->viewport()->update();
}

void LogView::setEvidence(const QList<RecordIndex> &records)
{
    markEvidence(records);
    if (!records.isEmpty())
        selectRecord(*std::min_element(records.cbegin(), records.cend()));
}

void LogView::selectRecord(RecordIndex record)
{
    const int row = m_model->rowOf(record);
    if (row < 0)
        return;
    m_selectingByCode = true;
    const QModelIndex index = m_model->index(row, LogModel::RecordColumn);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_selectingByCode = false;
}

RecordIndex LogView::currentRecord() const
{
    return m_model->recordAt(m_table->currentIndex().row());
}

void LogView::onCurrentRowChanged(int row)
{
    if (!m_selectingByCode && row >= 0)
        Q_EMIT recordActivated(m_model->recordAt(row));
}

void LogView::focusFind()
{
    m_find->setFocus();
    m_find->selectAll();
}

bool LogView::rowMatches(int row, const QRegularExpression *expression) const
{
    const QString text = QString::fromUtf8(m_model->store()->recordText(m_model->recordAt(row)));
    if (expression)
        return expression->match(text).hasMatch();
    return text.contains(m_find->text(), Qt::CaseInsensitive);
}

bool LogView::findNext(bool backwards)
{
    const int rows = m_model->rowCount();
    if (m_find->text().isEmpty() || rows == 0)
        return false;
    const QRegularExpression expression(m_find->text(), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpression *regex = m_regex->isChecked() ? &expression : nullptr;
    if (regex && !expression.isValid()) {
        m_findStatus->setText(tr("Invalid regular expression"));
        return false;
    }
    // TODO: search on a worker thread with progress for bundles of millions of records.
    const int start = m_table->currentIndex().row();
    const int origin = start < 0 ? (backwards ? rows : -1) : start;
    const int step = backwards ? -1 : 1;
    for (int i = 1; i <= rows; ++i) {
        const int row = ((origin + step * i) % rows + rows) % rows;
        if (!rowMatches(row, regex))
            continue;
        const bool wrapped = start >= 0 && (backwards ? row >= start : row <= start);
        m_findStatus->setText(wrapped ? tr("Wrapped") : QString());
        m_table->setCurrentIndex(m_model->index(row, LogModel::RecordColumn));
        m_table->scrollTo(m_table->currentIndex(), QAbstractItemView::PositionAtCenter);
        return true;
    }
    m_findStatus->setText(tr("Not found"));
    return false;
}

bool LogView::goToLine(qint64 line)
{
    const TraceStore *store = m_model->store();
    if (!store || m_model->rowCount() == 0)
        return false;
    const RecordIndex current = currentRecord();
    const quint32 file = store->entry(current.isValid() ? current : m_model->recordAt(0)).file;
    int best = -1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const RecordEntry &entry = store->entry(m_model->recordAt(row));
        if (entry.file == file && entry.line <= line &&
            (best < 0 || entry.line >= store->entry(m_model->recordAt(best)).line))
            best = row;
    }
    if (best < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(best, LogModel::RecordColumn));
    m_table->scrollTo(m_table->currentIndex(), QAbstractItemView::PositionAtCenter);
    return true;
}

void LogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_delegate->followPalette(palette());
    QWidget::changeEvent(event);
}

} // namespace CtiFlow
