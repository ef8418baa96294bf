// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logview.h"

#include "logdelegate.h"
#include "logmodel.h"
#include "logsearch.h"
#include "tracestore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace CtiFlow {

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_delegate(new LogDelegate(this))
    , m_table(new QTableView(this))
    , m_findPool(new QThreadPool(this))
{
    m_table->setAccessibleName(tr("Log"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(m_delegate);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
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

    auto *copy = new QAction(tr("&Copy Records"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &LogView::copySelection);
    m_table->addAction(copy);
    auto *mark = new QAction(tr("Set Time &Mark"), m_table);
    mark->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    mark->setShortcutContext(Qt::WidgetShortcut);
    mark->setToolTip(tr("Show every record's time from this one"));
    connect(mark, &QAction::triggered, this, &LogView::markCurrentRecord);
    auto *unmark = new QAction(tr("C&lear Time Mark"), m_table);
    connect(unmark, &QAction::triggered, this, &LogView::clearTimeMark);
    m_table->addActions({mark, unmark});
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->setColumnWidth(LogModel::MarkColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("+00:00.000 ")) + 8);
    m_table->setColumnHidden(LogModel::MarkColumn, true);
    // The table's own Copy takes one cell's text; the records' whole text is wanted.
    m_table->installEventFilter(this);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current.row()); });
    // A search's rows are gone once the model changes (a new bundle, the session filter).
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogView::cancelFind);
    // One search at a time: a cancelled one stops within a few thousand rows, before the next starts.
    m_findPool->setMaxThreadCount(1);
}

LogView::~LogView()
{
    cancelFind();
    m_findPool->waitForDone();
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
    // Room for the search's progress, so that the find field does not jump while it counts.
    m_findStatus->setMinimumWidth(m_findStatus->fontMetrics().horizontalAdvance(tr("Searching… 100 %")) + 4);
    layout->addWidget(m_sessionOnly);
    layout->addSpacing(12);
    layout->addWidget(m_find, 1);
    layout->addWidget(m_regex);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_findStatus);

    connect(m_sessionOnly, &QCheckBox::toggled, this, &LogView::applyFilter);
    connect(m_sessionOnly, &QCheckBox::toggled, this, &LogView::sessionOnlyChanged);
    // Enter finds the next match, Shift+Enter the previous one.
    m_find->installEventFilter(this);
    connect(previous, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(false); });
    return bar;
}

void LogView::setStore(std::shared_ptr<const TraceStore> store)
{
    m_sessionRecords.clear();
    m_delegate->setEvidence({});
    m_model->setStore(std::move(store));
    updateMarkColumn(); // a new bundle has no mark
}

void LogView::markCurrentRecord()
{
    m_model->setTimeMark(currentRecord());
    updateMarkColumn();
}

void LogView::clearTimeMark()
{
    m_model->setTimeMark({});
    updateMarkColumn();
}

void LogView::updateMarkColumn()
{
    m_table->setColumnHidden(LogModel::MarkColumn, !m_model->timeMark().isValid());
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
    showRow(row);
    m_selectingByCode = false;
}

void LogView::showRow(int row)
{
    const QModelIndex index = m_model->index(row, LogModel::RecordColumn);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

int LogView::copySelection()
{
    const TraceStore *store = m_model->store();
    if (!store)
        return 0;
    // The selected rows as sorted, merged spans: a selection of millions of rows stays a few ranges.
    std::vector<std::pair<int, int>> spans;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection())
        spans.emplace_back(range.top(), range.bottom());
    if (spans.empty() && m_table->currentIndex().isValid())
        spans.emplace_back(m_table->currentIndex().row(), m_table->currentIndex().row());
    std::sort(spans.begin(), spans.end());
    qsizetype selected = 0;
    int copied = 0;
    int next = 0; // first row not yet taken
    QString text;
    for (const auto &[top, bottom] : spans) {
        const int from = std::max(top, next);
        if (from > bottom)
            continue;
        selected += bottom - from + 1;
        for (int row = from; row <= bottom && copied < maxCopiedRecords; ++row, ++copied) {
            text += displayText(store->recordText(m_model->recordAt(row)));
            text += QLatin1Char('\n');
        }
        next = bottom + 1;
    }
    QApplication::clipboard()->setText(text);
    m_findStatus->setText(selected > copied ? tr("Copied the first %L1 of %L2 records").arg(copied).arg(selected)
                                            : QString());
    return copied;
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

void LogView::findNext(bool backwards)
{
    cancelFind();
    LogSearch search;
    search.store = m_model->sharedStore();
    search.rows = m_model->filter();
    search.text = m_find->text();
    search.regex = m_regex->isChecked();
    search.start = m_table->currentIndex().row();
    search.backwards = backwards;
    if (search.text.isEmpty())
        return endFind(QString(), false);
    if (search.regex) {
        const QRegularExpression expression(search.text);
        if (!expression.isValid())
            return endFind(tr("Invalid regular expression: %1").arg(expression.errorString()), false);
    }
    if (logSearchRows(search) == 0)
        return endFind(tr("Not found"), false);
    const quint64 id = ++m_findSearch;
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    m_findCancel = cancelled;
    m_findStatus->clear();
    m_findClock.start();
    // The worker reads the shared store and posts back to this view, whose destructor waits for it.
    m_findPool->start([this, search = std::move(search), cancelled, id] {
        const auto progress = [this, &cancelled, id](int percent) {
            if (!cancelled->load(std::memory_order_relaxed))
                QMetaObject::invokeMethod(this, [this, id, percent] { onFindProgress(id, percent); });
        };
        const LogSearchResult result = searchLog(search, *cancelled, progress);
        if (!result.cancelled)
            QMetaObject::invokeMethod(this, [this, id, result] { onFindDone(id, result.row, result.wrapped); });
    });
}

void LogView::cancelFind()
{
    if (!m_findCancel)
        return;
    m_findCancel->store(true);
    m_findCancel.reset();
    m_findStatus->clear();
}

void LogView::onFindProgress(quint64 search, int percent)
{
    if (search != m_findSearch || !m_findCancel)
        return;
    Q_EMIT findProgress(percent);
    // Only a search the user waits for shows its progress; quick ones would flicker.
    if (m_findClock.elapsed() >= 300)
        m_findStatus->setText(tr("Searching… %1 %").arg(percent));
}

void LogView::onFindDone(quint64 search, int row, bool wrapped)
{
    // A search cancelled (by a newer one or a change of the rows) after it ended is dropped here.
    if (search != m_findSearch || !m_findCancel)
        return;
    m_findCancel.reset();
    if (row < 0)
        return endFind(tr("Not found"), false);
    showRow(row);
    endFind(wrapped ? tr("Wrapped") : QString(), true);
}

void LogView::endFind(const QString &status, bool found)
{
    m_findStatus->setText(status);
    Q_EMIT findFinished(found);
}

bool LogView::goToLine(qint64 line)
{
    const TraceStore *store = m_model->store();
    if (!store || m_model->rowCount() == 0)
        return false;
    const RecordIndex current = currentRecord();
    return goToLineOfFile(store->entry(current.isValid() ? current : m_model->recordAt(0)).file, line);
}

bool LogView::goToFileLine(const QString &path, qint64 line)
{
    const TraceStore *store = m_model->store();
    for (int file = 0; store && file < store->fileCount(); ++file) {
        if (store->file(file).path == path)
            return goToLineOfFile(quint32(file), line);
    }
    return false;
}

bool LogView::goToLineOfFile(quint32 file, qint64 line)
{
    const TraceStore *store = m_model->store();
    if (!store)
        return false;
    // The record holding the line: the last one starting at or before it (line 0: the first one).
    int best = -1;
    quint32 bestLine = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const RecordEntry &entry = store->entry(m_model->recordAt(row));
        if (entry.file != file)
            continue;
        const bool better =
            line > 0 ? entry.line <= line && (best < 0 || entry.line >= bestLine) : best < 0 || entry.line < bestLine;
        if (better) {
            best = row;
            bestLine = entry.line;
        }
    }
    if (best < 0)
        return false;
    showRow(best);
    return true;
}

bool LogView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        if (event->type() == QEvent::KeyPress)
            copySelection();
        event->accept(); // the table's own Copy (one cell) does not run
        return true;
    }
    if (watched == m_find && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            findNext(key->modifiers().testFlag(Qt::ShiftModifier));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_delegate->followPalette(palette());
    QWidget::changeEvent(event);
}

} // namespace CtiFlow
