// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Shifting one node's clock from the window: the dialog's offsets, and the bundle read again with the
// nodes merged by the shifted times.
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "nodeclockdialog.h"
#include "tracestore.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

class TestNodeClocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offsetText_data();
    void offsetText();
    void dialogGivesMillisecondsAndOmitsZero();
    void shiftingANodeReordersTheLog();
    void openingAnotherBundleForgetsTheOffsets();

private:
    QTemporaryDir m_dir;
};

void TestNodeClocks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ctiflow-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_nodeclocks"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    // Two CTI Managers whose records interleave: a1 (10:00:00), b1 (10:00:01), a2 (10:00:02).
    const QList<std::pair<QString, QByteArray>> files{
        {QStringLiteral("cucm1/SDL001_200_000001.txt"),
         "00000001.000 |10:00:00.000 |AppInfo  |a1\n00000002.000 |10:00:02.000 |AppInfo  |a2\n"},
        {QStringLiteral("cucm2/SDL002_200_000001.txt"), "00000001.000 |10:00:01.000 |AppInfo  |b1\n"},
    };
    for (const auto &[path, text] : files) {
        QVERIFY(QDir(m_dir.path()).mkpath(QFileInfo(path).path()));
        QFile file(m_dir.filePath(path));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(text), text.size());
    }
}

void TestNodeClocks::offsetText_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("later") << qint64(1500) << QStringLiteral("+1.500 s");
    QTest::newRow("earlier") << qint64(-250) << QStringLiteral("-0.250 s");
    QTest::newRow("an hour") << qint64(3'600'000) << QStringLiteral("+3600.000 s");
}

void TestNodeClocks::offsetText()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(clockOffsetText(ms), text);
}

void TestNodeClocks::dialogGivesMillisecondsAndOmitsZero()
{
    NodeClockDialog dialog({QStringLiteral("cucm1"), QStringLiteral("cucm2")}, {{QStringLiteral("cucm2"), 250}});
    QCOMPARE(dialog.offsetBox(QStringLiteral("cucm2"))->value(), 0.25);
    dialog.offsetBox(QStringLiteral("cucm1"))->setValue(-1.5);
    dialog.offsetBox(QStringLiteral("cucm2"))->setValue(0);
    const QHash<QString, qint64> expected{{QStringLiteral("cucm1"), -1500}};
    QCOMPARE(dialog.offsets(), expected);
}

namespace {

QByteArrayList logTexts(const MainWindow &window)
{
    QByteArrayList texts;
    const TraceStore *store = window.logView()->model()->store();
    for (qsizetype i = 0; i < store->recordCount(); ++i)
        texts.append(store->fields(RecordIndex{i}).text.toByteArray());
    return texts;
}

} // namespace

void TestNodeClocks::shiftingANodeReordersTheLog()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths({m_dir.path()});
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(logTexts(window), QByteArrayList({"a1", "b1", "a2"}));
    const QString node = window.logView()->model()->store()->fileOf(RecordIndex{1}).node;

    window.shiftNodeClocks({{node, 1500}});
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(logTexts(window), QByteArrayList({"a1", "a2", "b1"}));
    QCOMPARE(window.logView()->model()->store()->nodeClockOffset(node), 1500);
    const auto *status = window.statusBar()->findChild<QLabel *>();
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("node clocks shifted: %1 +1.500 s").arg(node)),
             qPrintable(status->text()));
}

void TestNodeClocks::openingAnotherBundleForgetsTheOffsets()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths({m_dir.path()});
    QVERIFY(loaded.wait(10'000));
    const QString node = window.logView()->model()->store()->fileOf(RecordIndex{1}).node;
    window.shiftNodeClocks({{node, -3000}});
    QVERIFY(loaded.wait(10'000));
    QCOMPARE(window.nodeClockOffsets().value(node), -3000);

    window.openPaths({m_dir.path()});
    QVERIFY(loaded.wait(10'000));
    QVERIFY(window.nodeClockOffsets().isEmpty());
    QCOMPARE(logTexts(window), QByteArrayList({"a1", "b1", "a2"}));
}

QTEST_MAIN(TestNodeClocks)
#include "tst_nodeclocks.moc"
