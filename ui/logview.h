// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "record.h"

#include <QElapsedTimer>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QThreadPool;

namespace CtiFlow {

class LogDelegate;
class LogModel;
class TraceStore;

// All records of the bundle, syntax-coloured, with Find, Go to line and a "this session only"
// filter. Selecting a record by hand emits recordActivated; selectRecord() does not. Several records
// may be selected (Shift, Ctrl); Copy puts their trace text on the clipboard.
// Find runs on a worker thread: the find bar shows its progress, a new search, a new bundle or
// filter and closing the view cancel it, and its result only lands on the rows it searched.
class LogView : public QWidget
{
    Q_OBJECT

public:
    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    void setStore(std::shared_ptr<const TraceStore> store);
    // Records of the selected session, used by the "this session only" filter.
    void setSessionRecords(const QList<RecordIndex> &records);
    // Marks the records (a step's evidence) and scrolls to the first one.
    void setEvidence(const QList<RecordIndex> &records);
    // Marks the records without moving the view.
    void markEvidence(const QList<RecordIndex> &records);
    void selectRecord(RecordIndex record);
    RecordIndex currentRecord() const;

    void setSessionOnly(bool on);
    bool isSessionOnly() const;

    void focusFind();
    // Starts searching forwards or backwards from the current row, wrapping around, for the find
    // bar's text (ignoring case; a regular expression when Regex is ticked). The match becomes the
    // current row; findFinished tells the outcome. A search still running is cancelled first.
    void findNext(bool backwards = false);
    void cancelFind();
    bool isFinding() const { return m_findCancel != nullptr; }
    // Selects the record at or just before the physical line, in the current record's file.
    bool goToLine(qint64 line);
    // The same in the file of that display path (line 0: the file's first record); false when the
    // log shown holds no record there.
    bool goToFileLine(const QString &path, qint64 line);
    // The selected records' whole text (continuation lines included), in log order, one record per
    // line, as the trace files hold them: at most maxCopiedRecords of them, the find bar says when
    // there were more. Returns the number of records copied.
    int copySelection();
    static constexpr int maxCopiedRecords = 100000;
    // Marks the current record: the log then shows every record's time from it (the "From mark"
    // column, hidden while no record is marked). clearTimeMark() takes the mark away.
    void markCurrentRecord();
    void clearTimeMark();

    QTableView *table() const { return m_table; }
    LogModel *model() const { return m_model; }
    QLineEdit *findEdit() const { return m_find; }
    QCheckBox *regexBox() const { return m_regex; }
    QLabel *findStatus() const { return m_findStatus; }

Q_SIGNALS:
    void recordActivated(CtiFlow::RecordIndex record);
    void sessionOnlyChanged(bool on);
    // Once per findNext() that was not cancelled: found is false for no match or an invalid regex.
    void findFinished(bool found);
    // Percent of the rows a running search has looked at.
    void findProgress(int percent);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createFindBar();
    void applyFilter();
    void onCurrentRowChanged(int row);
    void onFindProgress(quint64 search, int percent);
    void onFindDone(quint64 search, int row, bool wrapped);
    void endFind(const QString &status, bool found);
    void showRow(int row); // makes the row current and the only one selected, centred
    bool goToLineOfFile(quint32 file, qint64 line);
    void updateMarkColumn();

    LogModel *m_model = nullptr;
    LogDelegate *m_delegate = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_find = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_sessionOnly = nullptr;
    QLabel *m_findStatus = nullptr;
    QList<RecordIndex> m_sessionRecords;
    bool m_selectingByCode = false;
    quint64 m_findSearch = 0;                       // the running search, bumped when it stops counting
    std::shared_ptr<std::atomic_bool> m_findCancel; // of the running search, null when none runs
    QThreadPool *m_findPool;                        // one thread: a search at a time
    QElapsedTimer m_findClock;
};

} // namespace CtiFlow
