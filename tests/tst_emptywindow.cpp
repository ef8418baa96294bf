// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a bundle that holds no CTI login: the diagram's place says why and what to collect;
// and the sample, for a first look without traces.
#include "mainwindow.h"
#include "startpage.h"
#include "swimlaneview.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

const QString samplePath = QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt");

bool open(MainWindow &window, const QStringList &paths)
{
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths(paths);
    return loaded.wait(10'000) || !loaded.isEmpty();
}

} // namespace

class TestEmptyWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ctiflow-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_emptywindow"));
    }

    void saysWhyAndComesBack()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString log = folder.filePath(QStringLiteral("jabber.log"));
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("2024-03-11 09:15:02,124 ERROR [0x00002a10] [per\\DeskPhoneConnectionContext.cpp(233)] "
                   "[jcf.tel.callcontrol] [DeskPhoneConnectionContext::onFailure] - reason: 0x8ccc0075\n");
        file.close();

        MainWindow window;
        window.show();
        SwimLaneView *view = window.swimLaneView();
        QCOMPARE(view->placeholderText(), QStringLiteral("Select a session to see its call flow"));

        QVERIFY(open(window, {log}));
        QVERIFY(!view->hasSession());
        const QStringList lines = view->placeholderText().split(u'\n');
        QCOMPARE(lines.value(0), QStringLiteral("No SDL trace record in what was opened"));
        QVERIFY2(lines.value(1).startsWith(QStringLiteral("jabber.log: skipped: a Jabber client log")),
                 qPrintable(lines.value(1)));
        QVERIFY(lines.last().contains(QStringLiteral("cm/trace/cti/sdl")));
        // What the user sees is painted: the picture differs from the plain placeholder's.
        const QImage explained = view->viewport()->grab().toImage();

        QVERIFY(open(window, {samplePath}));
        QCOMPARE(view->placeholderText(), QStringLiteral("Select a session to see its call flow"));
        view->clear();
        QVERIFY(view->viewport()->grab().toImage() != explained);
    }

    // A first look without traces of one's own: the sample from the start page.
    void sampleOpensFromTheStartPage()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.isShowingStartPage());
        QPushButton *sample = nullptr;
        for (QPushButton *button : window.startPage()->findChildren<QPushButton *>())
            sample = button->text() == QStringLiteral("Open the Sample") ? button : sample;
        QVERIFY(sample);
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QTest::mouseClick(sample, Qt::LeftButton);
        QVERIFY(loaded.wait(10'000) || !loaded.isEmpty());
        QVERIFY(window.swimLaneView()->hasSession());
        QCOMPARE(window.swimLaneView()->session().login, QStringLiteral("wwhite"));
        QCOMPARE(window.swimLaneView()->session().outcome, Outcome::Succeeded);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Cisco's published success trace")));
    }
};

QTEST_MAIN(TestEmptyWindow)
#include "tst_emptywindow.moc"
