// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ctiflow-screenshot OUTPUT.png PATH...: opens the paths in the CTI Flow window, selects the first
// session (failures sort first), and saves the whole window as a PNG. Run it under Xvfb
// (tests/tools/screenshot.sh) so that fonts and style are those of a real desktop.
#include "logview.h"
#include "mainwindow.h"
#include "sessioncontroller.h"
#include "timingcharts.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPixmap>
#include <QSettings>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ctiflow-screenshot")); // leaves the user's settings alone
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size (default 1600x1000)."),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption row(QStringLiteral("row"), QStringLiteral("Session table row to select (default 0)."),
                                 QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption dock(QStringLiteral("dock"),
                                  QStringLiteral("Dock to bring to the front: details, "
                                                 "timing or problems (default details)."),
                                  QStringLiteral("NAME"), QStringLiteral("details"));
    const QCommandLineOption chart(QStringLiteral("timeline"), QStringLiteral("Show the logins-over-time chart."));
    const QCommandLineOption timings(QStringLiteral("timings"),
                                     QStringLiteral("Print load time, the longest GUI-thread stall while loading and "
                                                    "showing, and the time to scroll the log to its end."));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("system, light or dark."),
                                   QStringLiteral("THEME"), QStringLiteral("system"));
    parser.addOptions({size, row, dock, chart, timings, theme});
    parser.addPositionalArgument(QStringLiteral("output"), QStringLiteral("PNG file to write"));
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Trace files, folders or archives"));
    parser.process(app);
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() < 2)
        parser.showHelp(2);

    QSettings().setValue(QStringLiteral("view/theme"), parser.value(theme));
    CtiFlow::MainWindow window;
    const QStringList wh = parser.value(size).split(u'x');
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.show();
    QEventLoop loop;
    QObject::connect(&window, &CtiFlow::MainWindow::loadFinished, &loop, &QEventLoop::quit);
    // A precise timer on the GUI thread: the longest gap between its ticks is what the user feels.
    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 longestStall = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestStall = std::max(longestStall, clock.elapsed() - lastTick);
        lastTick = clock.elapsed();
    });
    clock.start();
    ticker.start();
    window.openPaths(arguments.mid(1));
    loop.exec();
    const qint64 loaded = clock.elapsed();
    window.sessionTable()->selectRow(parser.value(row).toInt());
    if (auto *front = window.findChild<QDockWidget *>(parser.value(dock) + QStringLiteral("Dock")))
        front->raise();
    if (parser.isSet(chart))
        window.timingCharts()->setCurrentWidget(window.timingCharts()->timelineWidget());
    // Let layouts, the charts' replot and the first paint settle before grabbing.
    QTimer::singleShot(300, &loop, &QEventLoop::quit);
    loop.exec();
    if (parser.isSet(timings)) {
        QElapsedTimer scroll;
        scroll.start();
        window.logView()->table()->scrollToBottom();
        window.logView()->table()->viewport()->repaint();
        std::fprintf(stderr,
                     "loaded and analysed in %lld ms; longest GUI stall %lld ms; log scrolled to the end of "
                     "%d rows and painted in %lld ms\n",
                     loaded, longestStall, window.logView()->table()->model()->rowCount(), scroll.elapsed());
    }
    if (!window.grab().save(arguments.first())) {
        std::fprintf(stderr, "ctiflow-screenshot: cannot write %s\n", qPrintable(arguments.first()));
        return 1;
    }
    return 0;
}
