// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ctiflow-screenshot OUTPUT.png PATH...: opens the paths in the CTI Flow window, selects the first
// session (failures sort first), and saves the whole window as a PNG. With --preview it saves the
// window as soon as the first file's sessions show, while the rest of the bundle still loads. Run it under Xvfb
// (tests/tools/screenshot.sh) so that fonts and style are those of a real desktop.
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "sessioncontroller.h"
#include "swimlaneview.h"
#include "timingcharts.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QSettings>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

// Saves the window a moment after the preview showed (layouts and the first paint settle), then waits
// for the whole bundle to tell how long it took.
int savePreview(CtiFlow::MainWindow &window, const QString &output, qint64 previewed, bool timings)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QObject::connect(&window, &CtiFlow::MainWindow::loadFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(300, &loop, &QEventLoop::quit);
    loop.exec();
    if (!window.isShowingPreview())
        std::fprintf(stderr, "ctiflow-screenshot: the bundle finished loading before the preview was saved\n");
    if (!window.grab().save(output)) {
        std::fprintf(stderr, "ctiflow-screenshot: cannot write %s\n", qPrintable(output));
        return 1;
    }
    if (window.isShowingPreview())
        loop.exec();
    if (timings)
        std::fprintf(stderr, "first file's sessions shown after %lld ms; whole bundle shown after %lld ms\n", previewed,
                     previewed + clock.elapsed());
    return 0;
}

// Finds text from the log's first row, saving the window as soon as the find bar shows progress.
int findAndSave(CtiFlow::MainWindow &window, const QString &output, const QString &text, bool timings,
                const qint64 &longestStall)
{
    CtiFlow::LogView *log = window.logView();
    log->table()->setCurrentIndex({});
    log->findEdit()->setText(text);
    QEventLoop loop;
    QImage image;
    QObject::connect(log, &CtiFlow::LogView::findProgress, &loop, [&] {
        if (image.isNull() && log->findStatus()->text().startsWith(QStringLiteral("Searching")))
            image = window.grab().toImage();
    });
    bool found = false;
    QObject::connect(log, &CtiFlow::LogView::findFinished, &loop, [&](bool match) {
        found = match;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    log->findNext();
    loop.exec();
    const qint64 searched = clock.elapsed();
    if (image.isNull())
        image = window.grab().toImage();
    if (timings)
        std::fprintf(stderr, "find %s: %s in %lld ms over %d rows; longest GUI stall %lld ms\n", qPrintable(text),
                     found ? "found" : "not found", searched, log->model()->rowCount(), longestStall);
    if (!image.save(output)) {
        std::fprintf(stderr, "ctiflow-screenshot: cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}

} // namespace

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
    const QCommandLineOption preview(QStringLiteral("preview"),
                                     QStringLiteral("Save the window showing the first file's sessions while the "
                                                    "bundle still loads; --timings adds the time to that preview."));
    const QCommandLineOption find(QStringLiteral("find"),
                                  QStringLiteral("After loading, find TEXT in the log from its first row; the PNG "
                                                 "shows the find bar while the search runs (or its result); "
                                                 "--timings adds the search time and the longest GUI stall in it."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption mark(
        QStringLiteral("mark"),
        QStringLiteral("Set the log's time mark on the selected record (the failed step's evidence)."));
    const QCommandLineOption shortcuts(QStringLiteral("shortcuts"),
                                       QStringLiteral("Save Help > Keyboard Shortcuts instead of the window."));
    const QCommandLineOption startPage(QStringLiteral("start-page"),
                                       QStringLiteral("Save the start page, before the paths are opened."));
    const QCommandLineOption note(QStringLiteral("note"),
                                  QStringLiteral("Write TEXT as a note on the selected step (not kept)."),
                                  QStringLiteral("TEXT"));
    parser.addOptions({size, row, dock, chart, timings, theme, preview, find, mark, shortcuts, startPage, note});
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
    if (parser.isSet(startPage)) {
        QTimer::singleShot(300, &loop, &QEventLoop::quit);
        loop.exec();
        return window.grab().save(arguments.first()) ? 0 : 1;
    }
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
    qint64 previewed = -1;
    QObject::connect(&window, &CtiFlow::MainWindow::previewShown, [&] {
        previewed = clock.elapsed();
        if (parser.isSet(preview))
            loop.quit();
    });
    clock.start();
    ticker.start();
    window.openPaths(arguments.mid(1));
    loop.exec();
    if (parser.isSet(preview))
        return savePreview(window, arguments.first(), previewed, parser.isSet(timings));
    const qint64 loaded = clock.elapsed();
    window.sessionTable()->selectRow(parser.value(row).toInt());
    if (auto *front = window.findChild<QDockWidget *>(parser.value(dock) + QStringLiteral("Dock")))
        front->raise();
    if (parser.isSet(chart))
        window.timingCharts()->setCurrentWidget(window.timingCharts()->timelineWidget());
    if (parser.isSet(mark))
        window.logView()->markCurrentRecord();
    if (parser.isSet(note))
        window.sessions()->setStepNote(window.swimLaneView()->selectedStep(), parser.value(note));
    // Let layouts, the charts' replot and the first paint settle before grabbing.
    QTimer::singleShot(300, &loop, &QEventLoop::quit);
    loop.exec();
    if (parser.isSet(timings)) {
        QElapsedTimer scroll;
        scroll.start();
        window.logView()->table()->scrollToBottom();
        window.logView()->table()->viewport()->repaint();
        std::fprintf(stderr,
                     "first file's sessions shown after %lld ms; loaded and analysed in %lld ms; longest GUI "
                     "stall %lld ms; log scrolled to the end of %d rows and painted in %lld ms\n",
                     previewed, loaded, longestStall, window.logView()->table()->model()->rowCount(), scroll.elapsed());
    }
    if (parser.isSet(find)) {
        lastTick = clock.elapsed();
        longestStall = 0;
        return findAndSave(window, arguments.first(), parser.value(find), parser.isSet(timings), longestStall);
    }
    QWidget *shown = &window;
    if (parser.isSet(shortcuts)) {
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(QKeySequence::HelpContents))
                action->trigger();
        }
        if (auto *dialog = window.findChild<QDialog *>(QStringLiteral("shortcutsDialog")))
            shown = dialog;
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!shown->grab().save(arguments.first())) {
        std::fprintf(stderr, "ctiflow-screenshot: cannot write %s\n", qPrintable(arguments.first()));
        return 1;
    }
    return 0;
}
