// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordfiltermodel.h"
#include "recordmodel.h"
#include "traceloader.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace CtiFlow;

namespace {

QStringList sequences(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *s : list)
        result.append(QString::fromLatin1(s));
    return result;
}

const QString fixture = QStringLiteral(CTIFLOW_TEST_DATA "/ingest/inputs/grammar/fixed-width.txt");

} // namespace

class TestRecordFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data();
    void filters();
    void filtersCombine();
};

void TestRecordFilter::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<RecordType>>("types");
    QTest::addColumn<QString>("process");
    QTest::addColumn<QStringList>("sequences");
    QTest::newRow("no filter lets every record through")
        << QString() << QList<RecordType>() << QString()
        << sequences({"00895256.000", "00895256.001", "00895261.000", "00895261.038", "00895261.039", "00895270.000",
                      "00895271.000", "00004373.000", "00895337.000", "00895338.000", "00895339.000"});
    QTest::newRow("text ignores case and reaches continuation lines")
        << QStringLiteral("after escaping") << QList<RecordType>() << QString() << sequences({"00895261.038"});
    QTest::newRow("text finds bars inside the payload")
        << QStringLiteral("DH=1|38") << QList<RecordType>() << QString() << sequences({"00895261.039", "00895271.000"});
    QTest::newRow("type filter keeps AppError only")
        << QString() << QList<RecordType>{RecordType::AppError} << QString() << sequences({"00895261.039"});
    QTest::newRow("types SdlSig-I and SdlSig-O")
        << QString() << QList<RecordType>{RecordType::SdlSigIn, RecordType::SdlSigOut} << QString()
        << sequences({"00895270.000", "00895271.000"});
    QTest::newRow("process matches sender or receiver by name, any numbers")
        << QString() << QList<RecordType>() << QStringLiteral("CTIDeviceLineMgr")
        << sequences({"00895270.000", "00895271.000"});
    QTest::newRow("process name must match whole")
        << QString() << QList<RecordType>() << QStringLiteral("CTIDevice") << QStringList();
}

void TestRecordFilter::filters()
{
    QFETCH(QString, text);
    QFETCH(QList<RecordType>, types);
    QFETCH(QString, process);
    QFETCH(QStringList, sequences);
    RecordModel model;
    RecordFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setRecordModel(&model);
    model.setStore(loadTraces({fixture}));
    filter.setTextFilter(text);
    filter.setTypeFilter(types);
    filter.setProcessFilter(process);
    QStringList actual;
    for (int row = 0; row < filter.rowCount(); ++row)
        actual.append(filter.index(row, RecordModel::IndexColumn).data().toString());
    QCOMPARE(actual, sequences);
}

void TestRecordFilter::filtersCombine()
{
    RecordModel model;
    RecordFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setRecordModel(&model);
    model.setStore(loadTraces({fixture}));
    const TraceStore &store = *model.store();
    const qint64 from = store.timeMs(RecordIndex{2});
    const qint64 to = store.timeMs(RecordIndex{6});
    filter.setTimeRange(from, to);
    QCOMPARE(filter.rowCount(), 5);
    filter.setTypeFilter({RecordType::SdlSig, RecordType::SdlSigIn});
    QCOMPARE(filter.rowCount(), 2);
    filter.setTimeRange(std::nullopt, std::nullopt);
    filter.setTypeFilter({});
    QCOMPARE(filter.rowCount(), 11);
}

QTEST_GUILESS_MAIN(TestRecordFilter)
#include "tst_recordfilter.moc"
