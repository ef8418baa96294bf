// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowfixture.h"
#include "sessionmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace CtiFlow;

class TestSessionModel : public QObject
{
    Q_OBJECT

private:
    static QList<Session> retrySessions()
    {
        const auto store =
            Test::storeOf(QStringLiteral("retry"), Test::readFixture(QStringLiteral("retry-after-failure.txt")));
        return analyzeSessions(*store);
    }

private Q_SLOTS:
    void rowsAndColumns()
    {
        SessionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSessions(retrySessions());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(SessionModel::ColumnCount));
        QCOMPARE(model.index(0, SessionModel::LoginColumn).data().toString(), QStringLiteral("hschrader"));
        QCOMPARE(model.index(0, SessionModel::OutcomeColumn).data().toString(), QStringLiteral("failed"));
        QCOMPARE(model.index(0, SessionModel::CauseColumn).data(SessionModel::CauseIdRole).toString(),
                 QStringLiteral("invalid-credentials"));
        QCOMPARE(model.index(0, SessionModel::CodeColumn).data().toString(), QStringLiteral("0x8CCC0060"));
        QCOMPARE(model.index(0, SessionModel::FailedStepColumn).data().toString(), QStringLiteral("Bind as user"));
        QCOMPARE(model.index(1, SessionModel::OutcomeColumn).data().toString(), QStringLiteral("succeeded"));
        QVERIFY(model.index(1, SessionModel::CauseColumn).data().toString().isEmpty());
        QCOMPARE(model.index(2, SessionModel::NumberColumn).data(SessionModel::SessionNumberRole).toInt(), 3);
        QCOMPARE(model.headerData(SessionModel::OutcomeColumn, Qt::Horizontal).toString(), QStringLiteral("Outcome"));
        QVERIFY(model.sessionAt(2));
        QVERIFY(!model.sessionAt(3));
    }

    void sortsOnRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<int>("firstNumber");
        QTest::newRow("time, newest first") << int(SessionModel::TimeColumn) << Qt::DescendingOrder << 3;
        QTest::newRow("outcome, succeeded before failed")
            << int(SessionModel::OutcomeColumn) << Qt::AscendingOrder << 2;
        QTest::newRow("code, highest first") << int(SessionModel::CodeColumn) << Qt::DescendingOrder << 1;
    }

    void sortsOnRawValues()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(int, firstNumber);
        SessionModel model;
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(SessionModel::SortRole);
        model.setSessions(retrySessions());
        proxy.sort(column, order);
        QCOMPARE(proxy.index(0, 0).data(SessionModel::SessionNumberRole).toInt(), firstNumber);
    }
};

QTEST_GUILESS_MAIN(TestSessionModel)
#include "tst_sessionmodel.moc"
