// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordmodel.h"
#include "traceloader.h"
#include "tracestore.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace CtiFlow;

namespace {

std::shared_ptr<TraceStore> storeFromText(const QByteArray &text, const QString &node = {}, QDate date = {})
{
    auto store = std::make_shared<TraceStore>();
    SourceFile file;
    file.path = QStringLiteral("test.txt");
    file.node = node;
    file.date = date;
    file.text = text;
    store->indexFile(store->addFile(std::move(file)));
    store->finalize();
    return store;
}

} // namespace

class TestTraceStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleRecordCount();
    void continuationLine();
    void pastedRecordsOnOneLine();
    void crlfLineEnds();
    void midnightRollover();
    void nodesMergedByTime();
    void modelOverSample();
};

void TestTraceStore::sampleRecordCount()
{
    const auto store =
        loadTraces({QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt")});
    QCOMPARE(store->recordCount(), 93);
    QVERIFY(store->problems().isEmpty());
    QCOMPARE(store->signalName(RecordIndex{1}), QByteArrayView("CtiProviderOpenReq"));
    QCOMPARE(store->line(RecordIndex{92}).value, 94);
}

void TestTraceStore::continuationLine()
{
    const auto store = storeFromText("00895261.037 |08:59:17.149 |AppInfo |enter\n"
                                     "00895261.038 |08:59:17.149 |AppInfo |\n"
                                     "After Escaping for LDAP special Characters for Filter = wwhite\n"
                                     "00895261.040 |08:59:17.149 |AppInfo |LDAP not initialized...connecting...\n");
    QCOMPARE(store->recordCount(), 3);
    QVERIFY(store->fields(RecordIndex{1}).text.endsWith("Filter = wwhite"));
    QCOMPARE(store->line(RecordIndex{2}).value, 4);
}

void TestTraceStore::pastedRecordsOnOneLine()
{
    const auto store = storeFromText("00895261.004 |08:59:17.067 |AppInfo | Decrypted Key Status success - [52] "
                                     "00895261.005 |08:59:17.067 |AppInfo |Nonce =cc64fd13 "
                                     "00895261.006 |08:59:17.067 |AppInfo |Nonce validation success\n");
    QCOMPARE(store->recordCount(), 3);
    QCOMPARE(store->fields(RecordIndex{0}).text, QByteArrayView("Decrypted Key Status success - [52]"));
    QCOMPARE(store->fields(RecordIndex{2}).text, QByteArrayView("Nonce validation success"));
    QCOMPARE(store->line(RecordIndex{2}).value, 1);
}

void TestTraceStore::crlfLineEnds()
{
    const auto store =
        storeFromText("00000001.000 |10:00:00.000 |AppInfo |one\r\n00000002.000 |10:00:00.001 |AppInfo |two\r\n");
    QCOMPARE(store->recordCount(), 2);
    QCOMPARE(store->fields(RecordIndex{0}).text, QByteArrayView("one"));
}

void TestTraceStore::midnightRollover()
{
    const auto store =
        storeFromText("00000001.000 |23:59:59.900 |AppInfo |late\n00000002.000 |00:00:00.100 |AppInfo |early\n", {},
                      QDate(2026, 1, 1));
    QCOMPARE(store->timeMs(RecordIndex{1}) - store->timeMs(RecordIndex{0}), 200);
}

void TestTraceStore::nodesMergedByTime()
{
    TraceStore store;
    SourceFile a{QStringLiteral("a.txt"),
                 QStringLiteral("node1"),
                 1,
                 200,
                 1,
                 QDate(2026, 1, 1),
                 "00000001.000 |10:00:00.000 |AppInfo |a1\n00000002.000 |10:00:02.000 |AppInfo |a2\n"};
    SourceFile b{QStringLiteral("b.txt"),
                 QStringLiteral("node2"),
                 2,
                 200,
                 1,
                 QDate(2026, 1, 1),
                 "00000001.000 |10:00:01.000 |AppInfo |b1\n"};
    store.indexFile(store.addFile(a));
    store.indexFile(store.addFile(b));
    store.finalize();
    QCOMPARE(store.fields(RecordIndex{1}).text, QByteArrayView("b1"));
    store.setNodeClockOffset(QStringLiteral("node2"), 5000);
    QCOMPARE(store.fields(RecordIndex{2}).text, QByteArrayView("b1"));
}

void TestTraceStore::modelOverSample()
{
    RecordModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(
        loadTraces({QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt")}));
    QCOMPARE(model.rowCount(), 93);
    QCOMPARE(model.index(1, RecordModel::SignalColumn).data().toString(), QStringLiteral("CtiProviderOpenReq"));
    QCOMPARE(model.index(7, RecordModel::ToColumn).data().toString(), QStringLiteral("Directory(1,200,23,1)"));
}

QTEST_GUILESS_MAIN(TestTraceStore)
#include "tst_tracestore.moc"
