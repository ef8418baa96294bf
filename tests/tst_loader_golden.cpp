// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Golden-file tests of ingestion: each input under tests/data/ingest/inputs is loaded and the
// canonical dump of what was understood is compared with tests/data/ingest/golden/<name>.dump.
// Set CTIFLOW_REGEN_GOLDEN=1 (or run tests/tools/regen-golden-ingest.sh) to rewrite the references.
#include "storedump.h"
#include "traceloader.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

const QString inputsDir = QStringLiteral(CTIFLOW_TEST_DATA "/ingest/inputs");
const QString goldenDir = QStringLiteral(CTIFLOW_TEST_DATA "/ingest/golden");

// Checked-out files get the checkout time as mtime; copies with a fixed mtime make dates stable.
const QDateTime fixedMtime(QDate(2026, 3, 2), QTime(12, 0));

bool copyWithFixedMtime(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).path());
    if (!QFile::copy(from, to))
        return false;
    QFile copy(to);
    return copy.open(QIODevice::ReadWrite) && copy.setFileTime(fixedMtime, QFileDevice::FileModificationTime);
}

bool copyInput(const QString &relative, const QString &targetRoot)
{
    const QString source = inputsDir + QLatin1Char('/') + relative;
    const QString target = targetRoot + QLatin1Char('/') + relative;
    if (!QFileInfo(source).isDir())
        return copyWithFixedMtime(source, target);
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!copyWithFixedMtime(file, target + file.mid(source.size())))
            return false;
    }
    return true;
}

} // namespace

class TestLoaderGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dump_data();
    void dump();
};

void TestLoaderGolden::dump_data()
{
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QString>("golden");
    auto row = [](const char *name, QStringList inputs, const char *golden) {
        QTest::newRow(name) << inputs << QString::fromLatin1(golden);
    };
    row("fixed-width padding and every record type", {QStringLiteral("grammar/fixed-width.txt")}, "fixed-width");
    row("collapsed padding, records pasted on one line, CRLF, no-break spaces",
        {QStringLiteral("grammar/collapsed-pasted-crlf.txt")}, "collapsed-pasted-crlf");
    row("header lines skipped, midnight rollover, non-UTF-8 bytes kept",
        {QStringLiteral("grammar/header-rollover-latin1.txt")}, "header-rollover-latin1");
    row("line over the limit cut and flagged", {QStringLiteral("grammar/long-line.txt")}, "long-line");
    row("RTMT folder: node from folder, files in rotation order, gzip member, non-trace skipped",
        {QStringLiteral("rtmt")}, "rtmt");
    row("CLI folder: host above the timestamp folder, active .gzo in plain text", {QStringLiteral("cli")}, "cli");
    row("single files: gzip by magic bytes, cut gzip keeps its start, binary and empty skipped",
        {QStringLiteral("files")}, "files");
    row("zip of node folders with gzip files and a nested zip", {QStringLiteral("archives/bundle.zip")}, "zip");
    row("tar archive", {QStringLiteral("archives/bundle.tar")}, "tar");
    row("tar.gz archive holding gzip files", {QStringLiteral("archives/bundle.tgz")}, "tgz");
    row("archives nested deeper than the limit are not opened", {QStringLiteral("archives/too-deep.zip")}, "too-deep");
    row("damaged zip reported", {QStringLiteral("archives/damaged.zip")}, "damaged-zip");
    row("damaged zip member reported, the intact member read", {QStringLiteral("archives/damaged-member.zip")},
        "damaged-member");
    row("several inputs at once merged by time", {QStringLiteral("rtmt"), QStringLiteral("archives/bundle.tar")},
        "several");
}

void TestLoaderGolden::dump()
{
    QFETCH(QStringList, inputs);
    QFETCH(QString, golden);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList paths;
    for (const QString &input : std::as_const(inputs)) {
        QVERIFY2(copyInput(input, dir.path()), qPrintable(input));
        paths.append(dir.path() + QLatin1Char('/') + input);
    }
    LoadOptions options;
    options.maxArchiveDepth = 2;
    options.maxLineBytes = 4096;
    const QByteArray actual = dumpStore(*loadTraces(paths, options), dir.path() + QLatin1Char('/'));

    QFile reference(goldenDir + QLatin1Char('/') + golden + QStringLiteral(".dump"));
    if (qEnvironmentVariableIsSet("CTIFLOW_REGEN_GOLDEN")) {
        QDir().mkpath(goldenDir);
        QVERIFY(reference.open(QIODevice::WriteOnly | QIODevice::Truncate));
        reference.write(actual);
        return;
    }
    QVERIFY2(reference.open(QIODevice::ReadOnly), qPrintable(reference.fileName()));
    const QByteArray expected = reference.readAll();
    if (actual != expected) {
        const QList<QByteArray> a = actual.split('\n');
        const QList<QByteArray> e = expected.split('\n');
        for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
            const QByteArray al = a.value(i), el = e.value(i);
            if (al != el)
                QFAIL(qPrintable(QStringLiteral("%1.dump line %2 differs\n  expected: %3\n  actual:   %4")
                                     .arg(golden)
                                     .arg(i + 1)
                                     .arg(QString::fromUtf8(el), QString::fromUtf8(al))));
        }
    }
}

QTEST_GUILESS_MAIN(TestLoaderGolden)
#include "tst_loader_golden.moc"
