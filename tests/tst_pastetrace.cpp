// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Trace text that is in no file: read by the loader from memory, pasted (Edit > Paste Trace, Ctrl+V)
// or dropped onto the window.
#include "analyzer.h"
#include "hostilefixtures.h"
#include "mainwindow.h"
#include "sessioncontroller.h"
#include "sessionmodel.h"
#include "startpage.h"
#include "traceloader.h"
#include "tracepath.h"
#include "windowtext.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace CtiFlow;
using WindowText::statusText;

namespace {

QByteArray sample()
{
    return Hostile::sampleTrace();
}

bool loading(const MainWindow &window)
{
    const auto *progress = window.findChild<QProgressBar *>();
    return progress && progress->isVisible();
}

bool waitForLoad(MainWindow &window)
{
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    return loaded.wait(10'000) || !loaded.isEmpty();
}

} // namespace

class TestPasteTrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QSettings().clear(); }

    // Text in memory reads like the file it came from, plain or gzip, under the name it was given.
    void loaderReadsTextInMemory_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << sample();
        QTest::newRow("gzip") << Hostile::gzip(sample());
        QTest::newRow("CRLF line ends") << QByteArray(sample()).replace("\n", "\r\n");
    }
    void loaderReadsTextInMemory()
    {
        QFETCH(QByteArray, bytes);
        const auto fromFile =
            loadTraces({QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt")});
        LoadOptions options;
        options.texts.append({QStringLiteral("pasted text"), bytes});
        const auto fromText = loadTraces({}, options);
        QCOMPARE(fromText->recordCount(), fromFile->recordCount());
        QCOMPARE(fromText->fileCount(), 1);
        QCOMPARE(fromText->file(0).path, QStringLiteral("pasted text"));
        const QList<Session> sessions = analyzeSessions(*fromText);
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().login, QStringLiteral("wwhite"));
        QCOMPARE(sessions.first().outcome, Outcome::Succeeded);
    }

    // Lines quoted in a mail or indented in a note: the run before the records comes off every line
    // that has it, and nothing else changes.
    void quotedLines_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray a = "00895255.002 |08:59:16.944 |AppInfo |first";
        const QByteArray b = "00895256.000 |08:59:16.945 |AppInfo |second";
        QTest::newRow("indented") << "    " + a + "\n    " + b + "\n" << a + "\n" + b + "\n";
        QTest::newRow("mail quote") << "> " + a + "\r\n> " + b << a + "\r\n" + b;
        QTest::newRow("tab and a note before") << "Hi, see below:\n\t" + a + "\n\t" + b + "\n\tpkid=42\n"
                                               << "Hi, see below:\n" + a + "\n" + b + "\npkid=42\n";
        QTest::newRow("continuation indented further") << "  " + a + "\n    more\n  " + b << a + "\n  more\n" + b;
        QTest::newRow("as written") << a + "\n" + b << a + "\n" + b;
        QTest::newRow("a record that starts its line") << "  " + a + "\n" + b << "  " + a + "\n" + b;
        QTest::newRow("quoted in two ways") << "> " + a + "\n\t" + b << "> " + a + "\n\t" + b;
        QTest::newRow("no record") << QByteArray("  hello\n  world\n") << QByteArray("  hello\n  world\n");
    }
    void quotedLines()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(unquotedTrace(text), expected);
    }

    // A pasted, quoted trace reads as the file, on the lines it had.
    void quotedTraceReadsAsTheFile()
    {
        QByteArray quoted;
        for (const QByteArray &line : sample().split('\n'))
            quoted += "> " + line + '\n';
        LoadOptions options;
        options.texts.append({QStringLiteral("pasted text"), quoted});
        const auto store = loadTraces({}, options);
        QCOMPARE(store->recordCount(), 93);
        QCOMPARE(store->line(RecordIndex{0}).value, 1);
        QCOMPARE(analyzeSessions(*store).first().outcome, Outcome::Succeeded);
    }

    void textWithoutTraceIsNamedInTheProblem()
    {
        LoadOptions options;
        options.texts.append({QStringLiteral("pasted text"), QByteArray("Hi, the phone still does not work.\n")});
        const auto store = loadTraces({}, options);
        QCOMPARE(store->recordCount(), 0);
        QCOMPARE(store->problems().size(), 1);
        QCOMPARE(store->problems().first().file, QStringLiteral("pasted text"));
    }

    // Edit > Paste Trace (Ctrl+V outside a text box) opens the clipboard's trace lines as a bundle of
    // their own, named in the title; a pasted text is not a recent bundle.
    void ctrlVOpensTheClipboardTrace()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QApplication::clipboard()->setText(QString::fromUtf8(sample()));
        window.startPage()->setFocus();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QTest::keyClick(window.startPage(), Qt::Key_V, Qt::ControlModifier);
        QVERIFY(loaded.wait(10'000) || !loaded.isEmpty());
        QVERIFY(!window.isShowingStartPage());
        QCOMPARE(window.sessions()->sessionModel()->sessions().size(), 1);
        QCOMPARE(window.sessions()->sessionModel()->sessions().first().login, QStringLiteral("wwhite"));
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("pasted text")), qPrintable(window.windowTitle()));
        QVERIFY(QSettings().value(QStringLiteral("recent/bundles")).toList().isEmpty());
    }

    // In the session filter box Ctrl+V pastes into the box: no bundle is opened.
    void ctrlVInATextBoxPastesThere()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QApplication::clipboard()->setText(QString::fromUtf8(sample()));
        window.pasteTrace();
        QVERIFY(waitForLoad(window));
        QLineEdit *filter = nullptr;
        for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
            if (edit->placeholderText().startsWith(QStringLiteral("Filter sessions")))
                filter = edit;
        }
        QVERIFY(filter);
        filter->setFocus();
        QApplication::clipboard()->setText(QStringLiteral("wwhite"));
        QTest::keyClick(filter, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(filter->text(), QStringLiteral("wwhite"));
        QVERIFY(!loading(window)); // a load shows its progress bar as it starts
    }

    // Text with no trace line keeps the window as it is and says what to copy.
    void pastedTextWithoutTraceIsRefused()
    {
        MainWindow window;
        window.show();
        QApplication::clipboard()->setText(QStringLiteral("Hi, the phone still does not work."));
        window.pasteTrace();
        QVERIFY(window.isShowingStartPage());
        QVERIFY(!loading(window));
        QVERIFY2(statusText(window).contains(QStringLiteral("No SDL trace line in the pasted text")),
                 qPrintable(statusText(window)));
    }

    // Trace lines dragged from a browser or a mail onto the window open like a pasted text.
    void droppedTextOpens()
    {
        MainWindow window;
        window.show();
        QMimeData mime;
        mime.setText(QString::fromUtf8(sample()));
        QWidget *target = window.startPage();
        const QPoint centre = target->rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(loaded.wait(10'000) || !loaded.isEmpty());
        QCOMPARE(window.sessions()->sessionModel()->sessions().size(), 1);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("dropped text")));

        // A text box takes dropped trace lines as text: no bundle is opened.
        QLineEdit *filter = nullptr;
        for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
            if (edit->placeholderText().startsWith(QStringLiteral("Filter sessions")))
                filter = edit;
        }
        QVERIFY(filter);
        QMimeData line;
        line.setText(QString::fromUtf8(sample().left(int(sample().indexOf('\n')))));
        const QPoint inFilter = filter->rect().center();
        QDragEnterEvent intoFilter(inFilter, Qt::CopyAction, &line, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(filter, &intoFilter);
        QDropEvent dropIntoFilter(inFilter, Qt::CopyAction, &line, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(filter, &dropIntoFilter);
        QVERIFY(!loading(window));

        // Text that holds no trace line is not taken.
        QMimeData chat;
        chat.setText(QStringLiteral("see the attached trace"));
        QDragEnterEvent refused(centre, Qt::CopyAction, &chat, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &refused);
        QVERIFY(!refused.isAccepted());
    }
};

QTEST_MAIN(TestPasteTrace)
#include "tst_pastetrace.moc"
