// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile and broken inputs: each one is reported as a problem of its own file, loading stays
// quick and small, and the rest of the bundle still loads. Big fixtures are built at test time.
#include "hostilefixtures.h"
#include "traceloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <optional>

using namespace CtiFlow;
using namespace CtiFlow::Hostile;

namespace {

enum class Case
{
    TruncatedGzip,
    GzipTrailingGarbage,
    ZipBadCrc,
    GzipBomb,
    ZipBomb,
    NestedTooDeep,
    SymlinkLoop,
    SymlinkCycle,
    Fifo,
    Unreadable,
    Empty,
    LongLine,
    Binary,
    Utf16,
    Crlf,
    ClockJumpsBack,
    SequenceWraps,
};

constexpr qint64 mib = 1024 * 1024;
constexpr qint64 decompressedLimit = 256 * mib;
constexpr int goodRecords = 93;

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QByteArray longLineTrace()
{
    QByteArray text = traceWithRecords(
        {{"00000001.000", "10:00:00.000"}, {"00000002.000", "10:00:00.100"}, {"00000003.000", "10:00:00.200"}});
    text += "00000004.000 |10:00:00.300 |AppInfo  |" + QByteArray(50 * mib, 'x') + '\n';
    text += traceWithRecords(
        {{"00000005.000", "10:00:00.400"}, {"00000006.000", "10:00:00.500"}, {"00000007.000", "10:00:00.600"}});
    return text;
}

QByteArray utf16(const QByteArray &utf8)
{
    QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    return encoder(QString::fromUtf8(utf8));
}

// Builds the hostile item of one case in the bundle folder.
bool makeCase(Case kind, const QDir &dir)
{
    const QByteArray sample = sampleTrace();
    switch (kind) {
    case Case::TruncatedGzip: {
        const QByteArray packed = gzip(sample);
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000002.txt.gz")), packed.first(packed.size() * 3 / 5));
    }
    case Case::GzipTrailingGarbage:
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000003.txt.gz")),
                         gzip(sample) + QByteArray("garbage after the stream, not a gzip member").repeated(20));
    case Case::ZipBadCrc:
        return writeFile(dir.filePath(QStringLiteral("crc.zip")),
                         withBadCrc(zip({{QStringLiteral("SDL001_200_000004.txt"), sample}})));
    case Case::GzipBomb:
        return writeFile(dir.filePath(QStringLiteral("bomb.txt.gz")), gzipBomb());
    case Case::ZipBomb:
        return writeFile(dir.filePath(QStringLiteral("bomb.zip")), zipBomb(QStringLiteral("zeros.txt")));
    case Case::NestedTooDeep:
        return writeFile(dir.filePath(QStringLiteral("nested.zip")), nestedZip(LoadOptions().maxArchiveDepth + 2));
    case Case::SymlinkLoop:
        return writeFile(dir.filePath(QStringLiteral("loop/SDL001_200_000007.txt")),
                         traceWithRecords({{"00000001.000", "10:00:00.000"}})) &&
               QFile::link(QStringLiteral(".."), dir.filePath(QStringLiteral("loop/back")));
    case Case::SymlinkCycle:
        return QFile::link(QStringLiteral("cycle-b.txt"), dir.filePath(QStringLiteral("cycle-a.txt"))) &&
               QFile::link(QStringLiteral("cycle-a.txt"), dir.filePath(QStringLiteral("cycle-b.txt")));
    case Case::Fifo:
        return mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("fifo.txt"))).constData(), 0644) == 0;
    case Case::Unreadable:
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000006.txt")), sample) &&
               QFile::setPermissions(dir.filePath(QStringLiteral("SDL001_200_000006.txt")), {});
    case Case::Empty:
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000009.txt")), {});
    case Case::LongLine:
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000011.txt")), longLineTrace());
    case Case::Binary: {
        QByteArray noise(4096, '\0');
        for (qsizetype i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919 + i / 13) & 0xFF);
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000010.txt")), noise);
    }
    case Case::Utf16:
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000012.txt")), utf16(sample));
    case Case::Crlf:
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000013.txt")), crlf(sample));
    case Case::ClockJumpsBack:
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000014.txt")),
                         traceWithRecords({{"00000001.000", "10:00:00.000"},
                                           {"00000002.000", "10:00:01.000"},
                                           {"00000003.000", "09:00:00.000"},
                                           {"00000004.000", "09:00:01.000"}}));
    case Case::SequenceWraps:
        return writeFile(dir.filePath(QStringLiteral("SDL001_200_000015.txt")),
                         traceWithRecords({{"99999998.000", "10:00:00.000"},
                                           {"99999999.000", "10:00:00.100"},
                                           {"99999999.001", "10:00:00.100"},
                                           {"00000000.000", "10:00:00.200"},
                                           {"00000001.000", "10:00:00.300"}}));
    }
    return false;
}

qsizetype recordsFrom(const TraceStore &store, const QString &pathPart)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < store.recordCount(); ++i)
        count += store.fileOf(RecordIndex{i}).path.contains(pathPart) ? 1 : 0;
    return count;
}

QString problemList(const TraceStore &store)
{
    QStringList lines;
    for (const Problem &problem : store.problems())
        lines.append(severityName(problem.severity) + QStringLiteral(": ") + problem.toString());
    return lines.join(QLatin1Char('\n'));
}

const Problem *problemFor(const TraceStore &store, const QString &item)
{
    for (const Problem &problem : store.problems()) {
        if (problem.file.contains(item))
            return &problem;
    }
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(Case)

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostileInputIsReportedAndTheRestLoads_data();
    void hostileInputIsReportedAndTheRestLoads();
};

void TestHostile::hostileInputIsReportedAndTheRestLoads_data()
{
    QTest::addColumn<Case>("kind");
    QTest::addColumn<QString>("item");   // part of the path the problem and the records carry
    QTest::addColumn<QString>("reason"); // part of the problem's reason; empty: no problem at all
    QTest::addColumn<Problem::Severity>("severity");
    QTest::addColumn<int>("records"); // records read from the item; -1: some

    using S = Problem::Severity;
    const auto row = [](const char *name, Case kind, const char *item, const char *reason, S severity, int records) {
        QTest::newRow(name) << kind << QString::fromUtf8(item) << QString::fromUtf8(reason) << severity << records;
    };
    row("truncated gzip: the records before the cut are kept", Case::TruncatedGzip, "SDL001_200_000002.txt.gz",
        "cut off or damaged", S::Warning, -1);
    row("gzip with trailing garbage: the stream is read, the garbage reported", Case::GzipTrailingGarbage,
        "SDL001_200_000003.txt.gz", "after the end of the gzip stream", S::Warning, goodRecords);
    row("zip member with a bad CRC: read and reported as possibly damaged", Case::ZipBadCrc,
        "crc.zip!SDL001_200_000004.txt", "CRC-32", S::Warning, goodRecords);
    row("gzip bomb of 4 GiB zeros: stopped at the decompressed-size limit", Case::GzipBomb, "bomb.txt.gz",
        "decompresses to more than", S::Error, 0);
    row("zip bomb of 4 GB zeros: stopped at the decompressed-size limit", Case::ZipBomb, "bomb.zip!zeros.txt",
        "decompresses to more than", S::Error, 0);
    row("archives nested beyond the depth limit: the levels within it load", Case::NestedTooDeep, "nested.zip",
        "nested more than 4 levels", S::Error, 4);
    row("symbolic link loop in a folder: not followed, each file read once", Case::SymlinkLoop, "loop/",
        "symbolic link loop", S::Warning, 1);
    row("two symbolic links pointing at each other: reported", Case::SymlinkCycle, "cycle-a.txt",
        "symbolic link leads nowhere", S::Error, 0);
    row("FIFO among the files: reported, not opened (no hang)", Case::Fifo, "fifo.txt", "not a regular file", S::Error,
        0);
    row("unreadable file: reported with the system's reason", Case::Unreadable, "SDL001_200_000006.txt",
        "cannot be read", S::Error, 0);
    row("empty file: reported as empty", Case::Empty, "SDL001_200_000009.txt", "empty file", S::Info, 0);
    row("line of 50 MB: cut at the line limit, the records after it kept", Case::LongLine, "SDL001_200_000011.txt",
        "cut to its first 1048576 bytes", S::Warning, 7);
    row("binary file: skipped", Case::Binary, "SDL001_200_000010.txt", "binary file", S::Info, 0);
    row("UTF-16 file: converted and read", Case::Utf16, "SDL001_200_000012.txt", "UTF-16", S::Info, goodRecords);
    row("CRLF line ends: read like LF, nothing to report", Case::Crlf, "SDL001_200_000013.txt", "", S::Info,
        goodRecords);
    row("clock jumps back an hour: reported at its line, file order kept", Case::ClockJumpsBack,
        "SDL001_200_000014.txt", "clock went back", S::Warning, 4);
    row("sequence numbers wrap: every record kept in file order, nothing to report", Case::SequenceWraps,
        "SDL001_200_000015.txt", "", S::Info, 5);
}

void TestHostile::hostileInputIsReportedAndTheRestLoads()
{
    QFETCH(Case, kind);
    QFETCH(QString, item);
    QFETCH(QString, reason);
    QFETCH(Problem::Severity, severity);
    QFETCH(int, records);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("good/SDL002_200_000001.txt")), sampleTrace()));
    QVERIFY(makeCase(kind, QDir(dir.path())));

    std::optional<FilePermissionsEnforced> permissions;
    if (kind == Case::Unreadable) {
        permissions.emplace();
        if (!permissions->isEffective())
            QSKIP("running as root without the right to drop CAP_DAC_OVERRIDE: every file is readable");
    }
    LoadOptions options;
    options.maxDecompressedBytes = decompressedLimit;
    const bool measureMemory = resetPeakMemory();
    const qint64 memoryBefore = currentMemory();
    QElapsedTimer timer;
    timer.start();
    const auto store = loadTraces({dir.path()}, options);
    const qint64 elapsed = timer.elapsed();
    const qint64 memoryGrowth = peakMemory() - memoryBefore;
    permissions.reset();
    QFile::setPermissions(dir.filePath(QStringLiteral("SDL001_200_000006.txt")), QFile::ReadOwner | QFile::WriteOwner);

    QVERIFY2(elapsed < 30'000, qPrintable(QStringLiteral("load took %1 ms").arg(elapsed)));
    if (measureMemory) {
        QVERIFY2(memoryGrowth < decompressedLimit + 512 * mib,
                 qPrintable(QStringLiteral("load used %1 MiB").arg(memoryGrowth / mib)));
    }
    QCOMPARE(recordsFrom(*store, QStringLiteral("good/")), goodRecords);
    if (records >= 0)
        QCOMPARE(recordsFrom(*store, item), records);
    else
        QVERIFY(recordsFrom(*store, item) > 0);

    const Problem *problem = problemFor(*store, item);
    if (reason.isEmpty()) {
        QVERIFY2(!problem, qPrintable(problemList(*store)));
        return;
    }
    QVERIFY2(problem, qPrintable(QStringLiteral("no problem for %1 in:\n%2").arg(item, problemList(*store))));
    QVERIFY2(problem->reason.contains(reason), qPrintable(problem->toString()));
    QCOMPARE(problem->severity, severity);
    QVERIFY(problem->file.startsWith(dir.path()));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
