// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Measures how long the GUI thread stalls while LoadJob reads a bundle: a timer on the GUI thread
// ticks every few milliseconds and the longest gap between two ticks is the stall the user would
// feel. Also measured: the gap when the loaded store is released on the GUI thread.
//
//   ctiflow-gen --size 1073741824 -o /var/tmp/ctiflow-1g && ctiflow-stall /var/tmp/ctiflow-1g
#include "allocator.h"
#include "loadjob.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

#include <time.h>

using namespace CtiFlow;

namespace {

// The longest gap between two ticks of a precise timer on the calling thread.
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

class StallMeter
{
public:
    explicit StallMeter(int intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_longest = m_longestCpu = m_longestBusy = 0;
        m_ticks = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (now - m_last > m_longest) {
            m_longest = now - m_last;
            m_longestCpu = cpu - m_lastCpu;
        }
        m_longestBusy = std::max(m_longestBusy, cpu - m_lastCpu);
        m_last = now;
        m_lastCpu = cpu;
        ++m_ticks;
    }
    // Wall time of the longest gap, and the CPU time the GUI thread spent in it: on a busy machine
    // the rest of a long gap is time the thread waited for a core, not work done on it.
    double longestMs() const { return double(m_longest) / 1e6; }
    double longestGapCpuMs() const { return double(m_longestCpu) / 1e6; }
    // The most CPU time the GUI thread spent between two ticks: the stall on an idle machine.
    double longestBusyMs() const { return double(m_longestBusy) / 1e6; }
    qint64 ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_lastCpu = 0;
    qint64 m_longestCpu = 0;
    qint64 m_longestBusy = 0;
    qint64 m_ticks = 0;
};

QString ms(double value)
{
    return QString::number(value, 'f', 1) + QStringLiteral(" ms");
}

} // namespace

int main(int argc, char *argv[])
{
    CtiFlow::tuneAllocator(); // as the application does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Longest GUI-thread stall while LoadJob loads a bundle."));
    parser.addHelpOption();
    const QCommandLineOption interval(QStringLiteral("interval"), QStringLiteral("Timer interval (default 2 ms)."),
                                      QStringLiteral("ms"), QStringLiteral("2"));
    const QCommandLineOption target(QStringLiteral("target"), QStringLiteral("Longest stall allowed (default 50 ms)."),
                                    QStringLiteral("ms"), QStringLiteral("50"));
    parser.addOptions({interval, target});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Trace files, folders or archives."),
                                 QStringLiteral("PATH..."));
    parser.process(app);
    if (parser.positionalArguments().isEmpty())
        parser.showHelp(2);

    // The same timer with nothing to do first: how long this machine keeps a thread waiting anyway.
    StallMeter idle(std::max(1, parser.value(interval).toInt()));
    idle.start();
    QTimer::singleShot(2000, &app, &QCoreApplication::quit);
    app.exec();
    idle.stop();

    StallMeter loading(std::max(1, parser.value(interval).toInt()));
    StallMeter releasing(std::max(1, parser.value(interval).toInt()));
    LoadJob job;
    qint64 progressSignals = 0;
    QElapsedTimer wall;
    std::shared_ptr<TraceStore> store;
    QObject::connect(&job, &LoadJob::progressChanged, &app, [&progressSignals] { ++progressSignals; });
    QObject::connect(&job, &LoadJob::finished, &app, [&](std::shared_ptr<TraceStore> loaded) {
        loading.tick();
        store = std::move(loaded);
        QTextStream(stdout) << "loaded " << store->recordCount() << " records from " << store->fileCount()
                            << " files in " << wall.elapsed() << " ms (" << store->problems().size() << " problems, "
                            << progressSignals << " progress signals)" << Qt::endl;
        releasing.start();
        QTimer::singleShot(20, &app, [&] { store.reset(); });
        QTimer::singleShot(200, &app, &QCoreApplication::quit);
    });
    wall.start();
    loading.start();
    job.start(parser.positionalArguments());
    app.exec();

    const double limit = parser.value(target).toDouble();
    QTextStream(stdout) << "idle for 2 s: longest gap " << ms(idle.longestMs())
                        << " (scheduling noise of this machine)\n"
                        << "loading: longest gap " << ms(loading.longestMs()) << " (" << ms(loading.longestGapCpuMs())
                        << " of it GUI-thread CPU), most GUI-thread CPU between two ticks "
                        << ms(loading.longestBusyMs()) << ", " << loading.ticks() << " ticks\n"
                        << "releasing the store: longest gap " << ms(releasing.longestMs())
                        << ", most GUI-thread CPU between two ticks " << ms(releasing.longestBusyMs()) << "\n"
                        << "target: at most " << limit << " ms" << Qt::endl;
    return loading.longestMs() <= limit ? 0 : 1;
}
