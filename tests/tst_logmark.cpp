// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The log's time mark: every record's time from one marked record, in the model and in the view.
#include "logmodel.h"
#include "logview.h"
#include "traceloader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace CtiFlow;

namespace {

const QString samplePath = QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt");

std::shared_ptr<const TraceStore> sampleStore()
{
    static const std::shared_ptr<const TraceStore> store = loadTraces({samplePath});
    return store;
}

QString markCell(const LogModel &model, int row)
{
    return model.index(row, LogModel::MarkColumn).data().toString();
}

QAction *actionNamed(QWidget *widget, const QString &text)
{
    for (QAction *action : widget->actions()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

} // namespace

class TestLogMark : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markDelta_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("same time") << qint64(0) << QStringLiteral("+0 ms");
        QTest::newRow("milliseconds") << qint64(350) << QStringLiteral("+350 ms");
        QTest::newRow("earlier") << qint64(-999) << QStringLiteral("\u2212999 ms");
        QTest::newRow("seconds") << qint64(-1204) << QStringLiteral("\u22121.204 s");
        QTest::newRow("a minute") << qint64(60000) << QStringLiteral("+1:00.000");
        QTest::newRow("minutes") << qint64(123500) << QStringLiteral("+2:03.500");
        QTest::newRow("hours") << qint64(3723500) << QStringLiteral("+1:02:03.500");
    }
    void markDelta()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(LogModel::markDelta(ms), text);
    }

    void modelTellsTimeFromTheMark()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto store = sampleStore();
        model.setStore(store);
        QVERIFY(markCell(model, 0).isEmpty());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const RecordIndex mark{20};
        model.setTimeMark(mark);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(LogModel::MarkColumn));
        QCOMPARE(markCell(model, 20), QStringLiteral("mark"));
        for (const int row : {0, 19, 21, model.rowCount() - 1}) {
            const qint64 delta = store->timeMs(RecordIndex{row}) - store->timeMs(mark);
            QCOMPARE(markCell(model, row), LogModel::markDelta(delta));
        }
        QVERIFY(markCell(model, 0).startsWith(QChar(0x2212))); // written before the mark
        QVERIFY(markCell(model, model.rowCount() - 1).startsWith(QLatin1Char('+')));
        QVERIFY(model.index(0, LogModel::MarkColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("line 21 of jabber-cti-auth-success.sdl.txt")));

        // Only the session's records shown: their times still count from the mark.
        model.setFilter(QList<RecordIndex>{RecordIndex{2}, RecordIndex{40}});
        QCOMPARE(model.timeMark(), mark);
        QCOMPARE(markCell(model, 1), LogModel::markDelta(store->timeMs(RecordIndex{40}) - store->timeMs(mark)));

        model.setTimeMark({});
        QVERIFY(markCell(model, 1).isEmpty());
        model.setTimeMark(RecordIndex{store->recordCount()}); // not a record: no mark
        QVERIFY(!model.timeMark().isValid());
    }

    void viewShowsTheColumnWhileMarked()
    {
        LogView view;
        view.setStore(sampleStore());
        QVERIFY(view.table()->isColumnHidden(LogModel::MarkColumn));
        view.selectRecord(RecordIndex{7});
        QAction *mark = actionNamed(view.table(), QStringLiteral("Set Time Mark"));
        QAction *clear = actionNamed(view.table(), QStringLiteral("Clear Time Mark"));
        QVERIFY(mark && clear);
        QCOMPARE(mark->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_M));
        mark->trigger();
        QCOMPARE(view.model()->timeMark(), RecordIndex{7});
        QVERIFY(!view.table()->isColumnHidden(LogModel::MarkColumn));
        clear->trigger();
        QVERIFY(!view.model()->timeMark().isValid());
        QVERIFY(view.table()->isColumnHidden(LogModel::MarkColumn));

        view.selectRecord(RecordIndex{3});
        view.markCurrentRecord();
        QVERIFY(!view.table()->isColumnHidden(LogModel::MarkColumn));
        view.setStore(sampleStore()); // another bundle: the mark belonged to the last one
        QVERIFY(!view.model()->timeMark().isValid());
        QVERIFY(view.table()->isColumnHidden(LogModel::MarkColumn));
    }

    // The keys as a user presses them in the log: Ctrl+M marks the current record.
    void keyMarksTheCurrentRecord()
    {
        LogView view;
        view.setStore(sampleStore());
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.table()->setFocus();
        view.selectRecord(RecordIndex{9});
        QTest::keyClick(view.table(), Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(view.model()->timeMark(), RecordIndex{9});
        QVERIFY(!view.table()->isColumnHidden(LogModel::MarkColumn));
    }
};

QTEST_MAIN(TestLogMark)
#include "tst_logmark.moc"
