// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "record.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QRegularExpression;
class QTableView;

namespace CtiFlow {

class LogDelegate;
class LogModel;
class TraceStore;

// All records of the bundle, syntax-coloured, with Find, Go to line and a "this session only"
// filter. Selecting a record by hand emits recordActivated; selectRecord() does not.
class LogView : public QWidget
{
    Q_OBJECT

public:
    explicit LogView(QWidget *parent = nullptr);

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
    // Searches forwards or backwards from the current row; returns false when nothing matches.
    bool findNext(bool backwards = false);
    // Selects the record at or just before the physical line, in the current record's file.
    bool goToLine(qint64 line);

    QTableView *table() const { return m_table; }
    LogModel *model() const { return m_model; }
    QLineEdit *findEdit() const { return m_find; }

Q_SIGNALS:
    void recordActivated(CtiFlow::RecordIndex record);
    void sessionOnlyChanged(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createFindBar();
    void applyFilter();
    void onCurrentRowChanged(int row);
    bool rowMatches(int row, const QRegularExpression *expression) const;

    LogModel *m_model = nullptr;
    LogDelegate *m_delegate = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_find = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_sessionOnly = nullptr;
    QLabel *m_findStatus = nullptr;
    QList<RecordIndex> m_sessionRecords;
    bool m_selectingByCode = false;
};

} // namespace CtiFlow
