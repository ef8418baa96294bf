// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanes.h"
#include "mainwindow.h"
#include "recordmodel.h"
#include "swimlaneview.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace CtiFlow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsSample();
};

void TestMainWindow::loadsSample()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths({QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt")});
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(window.recordView()->model()->rowCount(), 93);
    QCOMPARE(window.swimLaneView()->lanes(), standardLanes());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
