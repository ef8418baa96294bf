// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Copying from the log: the selected records' whole trace text, in log order, to the clipboard.
#include "logmodel.h"
#include "logview.h"
#include "traceloader.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

// Five records; the third runs over two more lines, the fourth holds a byte that is no UTF-8.
const QByteArray trace = "00000001.000 |10:00:00.000 |AppInfo |first\n"
                         "00000002.000 |10:00:00.001 |AppInfo |second\n"
                         "00000003.000 |10:00:00.002 |AppInfo |changed row:\n"
                         "pkid=42\n"
                         "numplanindex=1\n"
                         "00000004.000 |10:00:00.003 |AppInfo |Walter Wh\xEFte\n"
                         "00000005.000 |10:00:00.004 |AppInfo |fifth\n";

std::shared_ptr<const TraceStore> storeOf(const QByteArray &text)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("SDL001_200_000001.txt")));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    file.close();
    return loadTraces({file.fileName()});
}

void selectRows(LogView &view, std::initializer_list<std::pair<int, int>> spans)
{
    QItemSelection selection;
    for (const auto &[top, bottom] : spans)
        selection.select(view.model()->index(top, 0), view.model()->index(bottom, view.model()->columnCount() - 1));
    view.table()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

} // namespace

class TestLogCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyCopiesSelectedRecordsWhole()
    {
        LogView view;
        view.setStore(storeOf(trace));
        QCOMPARE(view.model()->rowCount(), 5);
        selectRows(view, {{3, 3}, {1, 2}}); // selected bottom up: copied in log order
        QApplication::clipboard()->clear();
        QTest::keyClick(view.table(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("00000002.000 |10:00:00.001 |AppInfo |second\n"
                                "00000003.000 |10:00:00.002 |AppInfo |changed row:\npkid=42\nnumplanindex=1\n"
                                "00000004.000 |10:00:00.003 |AppInfo |Walter Wh\u00EFte\n"));
        QVERIFY(view.findStatus()->text().isEmpty());
    }

    void contextMenuActionCopies()
    {
        LogView view;
        view.setStore(storeOf(trace));
        selectRows(view, {{4, 4}});
        QAction *copy = nullptr;
        for (QAction *action : view.table()->actions()) {
            if (action->shortcut() == QKeySequence(QKeySequence::Copy))
                copy = action;
        }
        QVERIFY(copy);
        QCOMPARE(view.table()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QApplication::clipboard()->clear();
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("00000005.000 |10:00:00.004 |AppInfo |fifth\n"));
    }

    void overlappingSpansCopyEachRecordOnce()
    {
        LogView view;
        view.setStore(storeOf(trace));
        selectRows(view, {{0, 2}, {1, 3}, {1, 1}});
        QCOMPARE(view.copySelection(), 4);
        QCOMPARE(QApplication::clipboard()->text().count(QStringLiteral("|AppInfo |")), 4);
    }

    void copyStopsAtTheLimitAndSaysSo()
    {
        QByteArray text;
        const int records = LogView::maxCopiedRecords + 5;
        for (int i = 0; i < records; ++i)
            text += QByteArray::number(10000000 + i) + ".000 |10:00:00.000 |AppInfo |record " + QByteArray::number(i) +
                    '\n';
        LogView view;
        view.setStore(storeOf(text));
        QCOMPARE(view.model()->rowCount(), records);
        view.table()->selectAll();
        QCOMPARE(view.copySelection(), LogView::maxCopiedRecords);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied.count(QLatin1Char('\n')), LogView::maxCopiedRecords);
        QVERIFY(copied.endsWith(QStringLiteral("|record %1\n").arg(LogView::maxCopiedRecords - 1)));
        QVERIFY(view.findStatus()->text().contains(QLocale().toString(records)));
    }

    // Selecting a record from the diagram leaves it the only one selected.
    void selectingARecordClearsTheSelection()
    {
        LogView view;
        view.setStore(storeOf(trace));
        selectRows(view, {{0, 3}});
        view.selectRecord(view.model()->recordAt(4));
        const QModelIndexList rows = view.table()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().row(), 4);
    }
};

QTEST_MAIN(TestLogCopy)
#include "tst_logcopy.moc"
