// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ctiflow-bench: generates (once) a plain trace bundle and its gzip twin with ctiflow-gen, then times
// loadTraces() on each beside `wc -l` and `gzip -dc` on the same files in the same run, and prints
// MB/s, records/s, peak RSS and index bytes per record. Each load runs in a child process so that
// its peak RSS is its own.
//
//   ctiflow-bench [--size BYTES] [--runs N] [--work DIR]    (default 1 GiB, 3 runs, /var/tmp/ctiflow-bench)
//
// The one command that builds, generates and measures is in tests/tools/bench/README.md.
#include "allocator.h"
#include "flow/analyzer.h"
#include "traceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <limits>

using namespace CtiFlow;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct LoadResult
{
    double seconds = 0;
    qint64 records = 0;
    qint64 indexBytes = 0;
    qint64 peakRssKiB = 0;
    int problems = 0;
    double cpuSeconds = 0;      // user + system time of the loading process
    double systemSeconds = 0;   // of which in the kernel (mapping, page faults)
    double analysisSeconds = 0; // analyzeSessions() on the loaded store, its result kept (as the window keeps it)
    double analysisCpuSeconds = 0;
    qint64 analysisFaults = 0; // minor page faults: memory the sessions take for the first time
    qint64 sessions = 0;
};

double secondsOf(const timeval &t)
{
    return double(t.tv_sec) + double(t.tv_usec) / 1e6;
}

// Child mode: one load, then one analysis of it, results on stdout as
// "seconds records indexBytes peakRssKiB problems cpuSeconds analysisSeconds sessions systemSeconds
// analysisCpuSeconds analysisFaults".
int loadOnce(const QString &dir)
{
    QElapsedTimer timer;
    timer.start();
    const auto store = loadTraces({dir});
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double cpu = secondsOf(usage.ru_utime) + secondsOf(usage.ru_stime);
    timer.restart();
    const QList<Session> sessions = analyzeSessions(*store);
    const double analysis = double(timer.nsecsElapsed()) / 1e9;
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    const double analysisCpu = secondsOf(after.ru_utime) + secondsOf(after.ru_stime) - cpu;
    out() << seconds << ' ' << store->recordCount() << ' ' << store->indexBytes() << ' ' << usage.ru_maxrss << ' '
          << store->problems().size() << ' ' << cpu << ' ' << analysis << ' ' << sessions.size() << ' '
          << secondsOf(usage.ru_stime) << ' ' << analysisCpu << ' ' << after.ru_minflt - usage.ru_minflt << Qt::endl;
    return 0;
}

// The machine is shared: the load average says how much the figures can be trusted.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readLine().trimmed()) : QStringLiteral("unknown");
}

QStringList filesUnder(const QString &dir, const QString &pattern)
{
    QStringList files;
    QDirIterator it(dir, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

qint64 totalSize(const QStringList &files)
{
    qint64 bytes = 0;
    for (const QString &file : files)
        bytes += QFileInfo(file).size();
    return bytes;
}

// Wall time of one run of program, its output thrown away.
double timeProgram(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(-1);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("%s failed", qPrintable(program));
    return seconds;
}

double bestOf(int runs, const std::function<double()> &run)
{
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < runs; ++i)
        best = std::min(best, run());
    return best;
}

LoadResult timeLoad(const QString &dir, int runs)
{
    LoadResult best;
    best.seconds = std::numeric_limits<double>::max();
    for (int i = 0; i < runs; ++i) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--load-once"), dir});
        child.waitForFinished(-1);
        QTextStream in(child.readAllStandardOutput());
        LoadResult r;
        in >> r.seconds >> r.records >> r.indexBytes >> r.peakRssKiB >> r.problems >> r.cpuSeconds >>
            r.analysisSeconds >> r.sessions >> r.systemSeconds >> r.analysisCpuSeconds >> r.analysisFaults;
        if (r.records == 0)
            qFatal("loading %s failed", qPrintable(dir));
        // The analysis' best run too: it is as exposed to the machine's noise.
        LoadResult analysis = i == 0 || r.analysisSeconds < best.analysisSeconds ? r : best;
        if (r.seconds < best.seconds)
            best = r;
        best.analysisSeconds = analysis.analysisSeconds;
        best.analysisCpuSeconds = analysis.analysisCpuSeconds;
        best.analysisFaults = analysis.analysisFaults;
    }
    return best;
}

bool generate(const QString &dir, qint64 size, bool gzip)
{
    if (QFileInfo::exists(dir + QStringLiteral("/ground-truth.json")))
        return true;
    const QString generator =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../generator/ctiflow-gen"));
    QStringList arguments{QStringLiteral("--size"),      QString::number(size),
                          QStringLiteral("--sessions"),  QString::number(std::max<qint64>(1000, size / (1 << 20) * 20)),
                          QStringLiteral("--file-size"), QString::number(20 << 20),
                          QStringLiteral("-o"),          dir};
    if (gzip)
        arguments.append(QStringLiteral("--gzip"));
    out() << "generating " << dir << " with " << generator << Qt::endl;
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(generator, arguments);
    process.waitForFinished(-1);
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

void report(const QString &name, const LoadResult &load, qint64 textBytes, double tool, const QString &toolName)
{
    const double mb = double(textBytes) / 1e6;
    out() << Qt::fixed << qSetRealNumberPrecision(3);
    out() << name << ": " << load.records << " records, " << mb << " MB of text\n"
          << "  ctiflow load  " << load.seconds << " s  " << mb / load.seconds << " MB/s  "
          << double(load.records) / load.seconds / 1e6 << " M records/s  (" << load.cpuSeconds << " s CPU, "
          << load.systemSeconds << " s of it system)\n"
          << "  " << toolName.leftJustified(13) << " " << tool << " s  " << mb / tool << " MB/s\n"
          << "  load / " << toolName << " = " << load.seconds / tool << "\n"
          << "  peak RSS " << double(load.peakRssKiB) / 1024 << " MiB, index " << double(load.indexBytes) / load.records
          << " bytes/record, " << load.problems << " problems\n"
          << "  analysis      " << load.analysisSeconds << " s for " << load.sessions
          << " sessions = " << 100.0 * load.analysisSeconds / load.seconds << " % of the load  ("
          << load.analysisCpuSeconds << " s CPU, " << load.analysisFaults << " page faults)" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    CtiFlow::tuneAllocator(); // as the application does: the figures are its figures
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times trace loading against wc -l and gzip -dc."));
    parser.addHelpOption();
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Bundle size in bytes (default 1 GiB)."),
                                  QStringLiteral("BYTES"), QString::number(1LL << 30));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Timed runs, best taken (default 3)."),
                                  QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption work(QStringLiteral("work"), QStringLiteral("Where bundles are generated."),
                                  QStringLiteral("DIR"), QStringLiteral("/var/tmp/ctiflow-bench"));
    const QCommandLineOption once(QStringLiteral("load-once"), QStringLiteral("Internal: one timed load."),
                                  QStringLiteral("DIR"));
    parser.addOptions({size, runs, work, once});
    parser.process(app);
    if (parser.isSet(once))
        return loadOnce(parser.value(once));

    const qint64 bytes = parser.value(size).toLongLong();
    const int n = std::max(1, parser.value(runs).toInt());
    const QString plainDir = parser.value(work) + QStringLiteral("/plain-%1").arg(bytes);
    const QString gzipDir = parser.value(work) + QStringLiteral("/gzip-%1").arg(bytes);
    if (!generate(plainDir, bytes, false) || !generate(gzipDir, bytes, true))
        qFatal("ctiflow-gen failed");

    const QStringList plain = filesUnder(plainDir, QStringLiteral("SDL*.txt"));
    const QStringList gz = filesUnder(gzipDir, QStringLiteral("SDL*.gz"));
    const QString wc = QStringLiteral("wc");
    QStringList wcArgs{QStringLiteral("-l")};
    wcArgs.append(plain);
    QStringList gzipArgs{QStringLiteral("-dc")};
    gzipArgs.append(gz);
    out() << "cores " << QThread::idealThreadCount() << ", " << plain.size() << " plain files ("
          << totalSize(plain) / (1 << 20) << " MiB), " << gz.size() << " gzip files (" << totalSize(gz) / (1 << 20)
          << " MiB), best of " << n << " runs, warm page cache, load average " << loadAverage() << Qt::endl;
    timeProgram(wc, wcArgs); // warm the page cache
    timeProgram(QStringLiteral("cat"), gz);
    const double wcSeconds = bestOf(n, [&] { return timeProgram(wc, wcArgs); });
    const double gzipSeconds = bestOf(n, [&] { return timeProgram(QStringLiteral("gzip"), gzipArgs); });
    report(QStringLiteral("plain bundle"), timeLoad(plainDir, n), totalSize(plain), wcSeconds, QStringLiteral("wc -l"));
    report(QStringLiteral("gzip bundle"), timeLoad(gzipDir, n), totalSize(plain), gzipSeconds,
           QStringLiteral("gzip -dc"));
    out() << "targets: plain load <= 4 x wc -l, gzip load <= gzip -dc, index <= 40 bytes/record, analysis <= 20 % of "
             "the plain load"
          << Qt::endl;
    return 0;
}
