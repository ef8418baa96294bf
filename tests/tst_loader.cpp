// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Loader behaviour that golden dumps do not show: limits, progress, cancel, names and dates.
#include "gzip.h"
#include "recordscanner.h"
#include "traceloader.h"
#include "tracepath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

const QString inputs = QStringLiteral(CTIFLOW_TEST_DATA "/ingest/inputs");

bool hasProblem(const TraceStore &store, const QString &fileEnd, const QString &fragment)
{
    for (const Problem &problem : store.problems()) {
        if (problem.file.contains(fileEnd) && problem.reason.contains(fragment))
            return true;
    }
    return false;
}

} // namespace

class TestLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathInfo_data();
    void pathInfo();
    void firstDate_data();
    void firstDate();
    void decompressedSizeLimit();
    void missingInputReported();
    void unreadableFileReported();
    void progressEndsAtTotal();
    void cancelledBeforeStartGivesEmptyStore();
    void nodeClockOffsetsReorderTheTimeline();
    void concatenatedGzipMembers();
    void cutGzipKeepsItsStart();
    void sniffing_data();
    void sniffing();
    void scannerMatchesRecordHeaderRule_data();
    void scannerMatchesRecordHeaderRule();
};

void TestLoader::pathInfo_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("node");
    QTest::addColumn<int>("cucmNode");
    QTest::addColumn<int>("application");
    QTest::addColumn<qint64>("rotation");
    QTest::newRow("RTMT node folder above cm/trace")
        << "/dl/10.0.0.1/cm/trace/cti/sdl/SDL001_200_000042.txt.gz" << "10.0.0.1" << 1 << 200 << qint64(42);
    QTest::newRow("CLI host folder above the timestamp folder")
        << "/sftp/cucm-pub/2018-05-16_02-07-07/cm/trace/cti/sdl/SDL002_200_001196.txt.gzo" << "cucm-pub" << 2 << 200
        << qint64(1196);
    QTest::newRow("node folder inside a zip")
        << "/x/bundle.zip!sub2/cm/trace/ccm/sdl/SDL003_100_000819.txt" << "sub2" << 3 << 100 << qint64(819);
    QTest::newRow("no layout: node number from the file name")
        << "/tmp/SDL004_200_000001.txt" << "node 4" << 4 << 200 << qint64(1);
    QTest::newRow("neither layout nor name") << "/tmp/pasted.txt" << "" << -1 << -1 << qint64(-1);
    QTest::newRow("zip named like a node folder is no node") << "/x/dl.zip!cm/trace/cti/sdl/SDL001_200_000001.txt"
                                                             << "node 1" << 1 << 200 << qint64(1);
}

void TestLoader::pathInfo()
{
    QFETCH(QString, path);
    QFETCH(QString, node);
    QFETCH(int, cucmNode);
    QFETCH(int, application);
    QFETCH(qint64, rotation);
    const TracePathInfo info = tracePathInfo(path);
    QCOMPARE(info.node, node);
    QCOMPARE(info.cucmNode, cucmNode);
    QCOMPARE(info.application, application);
    QCOMPARE(info.rotation, rotation);
}

void TestLoader::firstDate_data()
{
    QTest::addColumn<QDateTime>("modified");
    QTest::addColumn<qint64>("lastTimeMs");
    QTest::addColumn<QDate>("date");
    const QDateTime noon(QDate(2026, 3, 2), QTime(12, 0));
    const qint64 hour = 3600 * 1000;
    QTest::newRow("last record before the mtime: same day") << noon << 11 * hour << QDate(2026, 3, 2);
    QTest::newRow("last record after the mtime's time of day: day before") << noon << 18 * hour << QDate(2026, 3, 1);
    QTest::newRow("one midnight inside the file") << noon << (24 + 11) * hour << QDate(2026, 3, 1);
    QTest::newRow("no mtime: no date") << QDateTime() << 0LL << QDate();
}

void TestLoader::firstDate()
{
    QFETCH(QDateTime, modified);
    QFETCH(qint64, lastTimeMs);
    QFETCH(QDate, date);
    QCOMPARE(firstRecordDate(modified, lastTimeMs), date);
}

void TestLoader::decompressedSizeLimit()
{
    LoadOptions options;
    options.maxDecompressedBytes = 2000;
    const auto store = loadTraces({inputs + QStringLiteral("/archives/bundle.zip")}, options);
    QVERIFY(hasProblem(*store, QStringLiteral("bundle.zip"), QStringLiteral("maxDecompressedBytes")));
}

void TestLoader::nodeClockOffsetsReorderTheTimeline()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &path, const QByteArray &text) {
        QVERIFY(QDir(dir.path()).mkpath(QFileInfo(path).path()));
        QFile file(dir.filePath(path));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(QStringLiteral("cucm1/SDL001_200_000001.txt"),
          "00000001.000 |10:00:00.000 |AppInfo  |a1\n00000002.000 |10:00:02.000 |AppInfo  |a2\n");
    write(QStringLiteral("cucm2/SDL002_200_000001.txt"), "00000001.000 |10:00:01.000 |AppInfo  |b1\n");
    const auto texts = [](const TraceStore &store) {
        QByteArrayList list;
        for (qsizetype i = 0; i < store.recordCount(); ++i)
            list.append(store.fields(RecordIndex{i}).text.toByteArray());
        return list;
    };
    const auto plain = loadTraces({dir.path()});
    QCOMPARE(texts(*plain), QByteArrayList({"a1", "b1", "a2"}));
    const QString node = plain->fileOf(RecordIndex{1}).node;
    QVERIFY(!node.isEmpty());

    LoadOptions options;
    options.nodeClockOffsets.insert(node, 1500);
    const auto shifted = loadTraces({dir.path()}, options);
    QCOMPARE(texts(*shifted), QByteArrayList({"a1", "a2", "b1"}));
    QCOMPARE(shifted->nodeClockOffset(node), 1500);
    QCOMPARE(shifted->timeMs(RecordIndex{2}) - plain->timeMs(RecordIndex{1}), 1500);
}

void TestLoader::missingInputReported()
{
    const auto store = loadTraces({inputs + QStringLiteral("/no-such-bundle.zip")});
    QCOMPARE(store->recordCount(), 0);
    QVERIFY(hasProblem(*store, QStringLiteral("no-such-bundle.zip"), QStringLiteral("no such file")));
    QCOMPARE(store->problems().first().severity, Problem::Severity::Error);
}

void TestLoader::unreadableFileReported()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("SDL001_200_000001.txt"));
    QVERIFY(QFile::copy(inputs + QStringLiteral("/rtmt/10.0.0.1/cm/trace/cti/sdl/SDL001_200_000001.txt"), path));
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    QFile probe(path);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("running with rights that read any file (root): the unreadable case cannot be made here");
    const auto store = loadTraces({dir.path()});
    QCOMPARE(store->recordCount(), 0);
    QVERIFY(hasProblem(*store, QStringLiteral("SDL001_200_000001.txt"), QStringLiteral("cannot be read")));
}

void TestLoader::progressEndsAtTotal()
{
    QList<std::pair<qint64, qint64>> calls;
    QMutex mutex;
    const auto store = loadTraces({inputs + QStringLiteral("/rtmt")}, {}, [&](qint64 done, qint64 total) {
        QMutexLocker lock(&mutex);
        calls.append({done, total});
    });
    QVERIFY(store->recordCount() > 0);
    QVERIFY(calls.size() >= 2);
    QCOMPARE(calls.first().first, 0);
    qint64 maxDone = 0;
    for (const auto &[done, total] : std::as_const(calls)) {
        QVERIFY(done <= total);
        maxDone = std::max(maxDone, done);
    }
    QCOMPARE(maxDone, calls.first().second);
}

void TestLoader::cancelledBeforeStartGivesEmptyStore()
{
    std::atomic_bool cancelled = true;
    const auto store = loadTraces({inputs + QStringLiteral("/rtmt")}, {}, {}, &cancelled);
    QCOMPARE(store->recordCount(), 0);
    QCOMPARE(store->fileCount(), 0);
}

void TestLoader::concatenatedGzipMembers()
{
    QFile file(inputs + QStringLiteral("/rtmt/10.0.0.1/cm/trace/cti/sdl/SDL001_200_000002.txt.gz"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray member = file.readAll();
    const GunzipResult one = gunzip(member, 1 << 20);
    const GunzipResult two = gunzip(QByteArray(member + member), 1 << 20);
    QCOMPARE(one.status, GunzipResult::Status::Complete);
    QCOMPARE(two.status, GunzipResult::Status::Complete);
    QCOMPARE(two.output, QByteArray(one.output + one.output));
}

void TestLoader::cutGzipKeepsItsStart()
{
    QFile file(inputs + QStringLiteral("/files/SDL001_200_000011.txt.gzo"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const GunzipResult result = gunzip(file.readAll(), 1 << 20);
    QCOMPARE(result.status, GunzipResult::Status::Truncated);
    QVERIFY(result.output.startsWith("00011000.000 |"));
    const GunzipResult limited = gunzip(file.readAll(), 100);
    QVERIFY(limited.output.size() <= 100);
}

void TestLoader::sniffing_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("trace");
    QTest::addColumn<bool>("binary");
    QTest::newRow("record on the first line")
        << QByteArray("00000001.000 |10:00:00.000 |AppInfo |x\n") << true << false;
    QTest::newRow("record after a header block")
        << QByteArray("SDL trace\n----\n00000001.000 |10:00:00.000 |AppInfo |x\n") << true << false;
    QTest::newRow("SDI trace is no SDL trace") << QByteArray("10:00:00.000 |SdlSig x\n") << false << false;
    QTest::newRow("NUL bytes: binary") << QByteArray("\x7f"
                                                     "ELF\0\0\0",
                                                     7)
                                       << false << true;
}

void TestLoader::sniffing()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, trace);
    QFETCH(bool, binary);
    QCOMPARE(looksLikeTrace(head), trace);
    QCOMPARE(looksBinary(head), binary);
}

void TestLoader::scannerMatchesRecordHeaderRule_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("timeOfDay"); // -1: no valid time
    const int time = ((10 * 60 + 4) * 60 + 5) * 1000 + 678;
    QTest::newRow("tight") << QByteArray("00000001.000|10:04:05.678|AppInfo|tight") << time;
    QTest::newRow("padded") << QByteArray("00000001.000 |10:04:05.678 |AppInfo |x") << time;
    QTest::newRow("seven digits") << QByteArray("0000001.000 |10:04:05.678 |AppInfo |x") << -1;
    QTest::newRow("no millis") << QByteArray("00000001.000 |10:04:05 |AppInfo |x") << -1;
    QTest::newRow("tabs") << QByteArray("00000001.000\t|10:04:05.678\t|AppInfo |tab") << time;
    QTest::newRow("two spaces") << QByteArray("00000001.000  |10:04:05.678  |AppInfo |x") << time;
    QTest::newRow("space after bar") << QByteArray("00000001.000 | 10:04:05.678 |AppInfo |x") << time;
    QTest::newRow("padded then tight") << QByteArray("00000001.000 |10:04:05.678|AppInfo |x") << time;
    QTest::newRow("last second") << QByteArray("00000001.000 |23:59:59.999 |AppInfo |x") << 86399999;
    QTest::newRow("hour 24") << QByteArray("00000001.000 |24:00:00.000 |AppInfo |x") << -1;
    // Every digit of both usual layouts, spoilt one at a time.
    for (const QByteArray &layout :
         {QByteArray("00000001.000 |10:04:05.678 |AppInfo |x"), QByteArray("00000001.000|10:04:05.678|AppInfo|x")}) {
        const qsizetype headerEnd = layout.indexOf("AppInfo");
        for (qsizetype at = 0; at < headerEnd; ++at) {
            for (const char bad : {'x', '/', ':', '\xFF'}) {
                QByteArray line = layout;
                if (line[at] == bad)
                    continue;
                line[at] = bad;
                QTest::addRow("%s, byte %lld is 0x%02x", layout.contains(' ') ? "padded" : "tight", qlonglong(at),
                              unsigned(uchar(bad)))
                    << line << -2; // -2: whatever recordHeaderLength() says
            }
        }
    }
}

void TestLoader::scannerMatchesRecordHeaderRule()
{
    // The fast scanner and recordHeaderLength() must agree on what starts a record.
    QFETCH(QByteArray, line);
    QFETCH(int, timeOfDay);
    const ScannedFile scanned = scanRecords(line);
    const bool isRecord = recordHeaderLength(line) > 0;
    QCOMPARE(scanned.records.size() == 1, isRecord);
    if (!isRecord)
        return;
    QCOMPARE(scanned.records.front().type, RecordType::AppInfo);
    if (timeOfDay >= 0) {
        QCOMPARE(scanned.records.front().timeMs, qint64(timeOfDay));
        QVERIFY(scanned.problems.isEmpty());
    } else if (timeOfDay == -1) {
        QCOMPARE(scanned.problems.size(), 1); // the time is out of range, and said to be
    }
}

QTEST_GUILESS_MAIN(TestLoader)
#include "tst_loader.moc"
