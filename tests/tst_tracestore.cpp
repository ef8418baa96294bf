// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordmodel.h"
#include "traceloader.h"
#include "tracestore.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
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

// The stretches as "begin-end:run ..." after checking that they cover the timeline in order, that
// each holds only records of its run's files, and that neighbours differ in run.
QString stretchesOf(const TraceStore &store)
{
    const std::vector<int> runs = store.fileRuns();
    QStringList parts;
    qsizetype next = 0;
    int previousRun = -1;
    for (const TraceStore::Stretch &stretch : store.stretches()) {
        if (stretch.begin != next || stretch.end <= stretch.begin || stretch.run == previousRun)
            return QStringLiteral("bad stretch at %1").arg(stretch.begin);
        for (qsizetype i = stretch.begin; i < stretch.end; ++i) {
            if (runs[store.entry(RecordIndex{i}).file] != stretch.run)
                return QStringLiteral("record %1 is not of run %2").arg(i).arg(stretch.run);
        }
        parts.append(QStringLiteral("%1-%2:%3").arg(stretch.begin).arg(stretch.end).arg(stretch.run));
        next = stretch.end;
        previousRun = stretch.run;
    }
    if (next != store.recordCount())
        return QStringLiteral("stretches end at %1 of %2").arg(next).arg(store.recordCount());
    return parts.join(u' ');
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
    void loaderStretches();
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
    QCOMPARE(stretchesOf(store), QStringLiteral("0-1:0 1-2:1 2-3:0"));
    store.setNodeClockOffset(QStringLiteral("node2"), 5000);
    QCOMPARE(store.fields(RecordIndex{2}).text, QByteArrayView("b1"));
    QCOMPARE(stretchesOf(store), QStringLiteral("0-2:0 2-3:1"));
}

// The loader merges the files it scanned in parallel in one pass: its stretches hold too.
void TestTraceStore::loaderStretches()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &path, const QByteArray &text) {
        QDir().mkpath(QFileInfo(dir.filePath(path)).path());
        QFile file(dir.filePath(path));
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    };
    QByteArray one;
    QByteArray two;
    for (int s = 0; s < 60; ++s) {
        // Node one writes three records a second, node two one record every other second.
        const QByteArray time = QStringLiteral("10:%1:%2")
                                    .arg(s / 60, 2, 10, QLatin1Char('0'))
                                    .arg(s % 60, 2, 10, QLatin1Char('0'))
                                    .toLatin1();
        for (int r = 0; r < 3; ++r)
            one += QByteArray::number(10000000 + s * 3 + r) + ".000 |" + time + "." + QByteArray::number(100 + r) +
                   " |AppInfo |one\n";
        if (s % 2 == 0)
            two += QByteArray::number(20000000 + s) + ".000 |" + time + ".500 |AppInfo |two\n";
    }
    QVERIFY(write(QStringLiteral("cucm1/cm/trace/cti/sdl/SDL001_200_000001.txt"), one));
    QVERIFY(write(QStringLiteral("cucm2/cm/trace/cti/sdl/SDL002_200_000001.txt"), two));
    const auto store = loadTraces({dir.path()});
    QCOMPARE(store->recordCount(), 180 + 30);
    const QString stretches = stretchesOf(*store);
    QVERIFY2(!stretches.startsWith(QLatin1String("bad")) && !stretches.contains(QLatin1String("not of run")) &&
                 !stretches.startsWith(QLatin1String("stretches end")),
             qPrintable(stretches));
    QCOMPARE(stretches.count(u' ') + 1, 61); // the nodes take turns every second or two
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
