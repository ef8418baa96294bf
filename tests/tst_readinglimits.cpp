// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The reading limits as settings: defaults, what was saved, bad saved values, the dialog, and a window
// that reads with the saved limits.
#include "mainwindow.h"
#include "readinglimits.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace CtiFlow;

class TestReadingLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultsWhenNothingWasSaved();
    void savedLimitsAreRead();
    void badSavedValueKeepsTheDefault_data();
    void badSavedValueKeepsTheDefault();
    void dialogShowsAndReturnsLimits();
    void restoreDefaultsButton();
    void windowReadsWithTheSavedLimits();
};

namespace {

constexpr qint64 mebi = 1024 * 1024;

bool sameLimits(const LoadOptions &a, const LoadOptions &b)
{
    return a.maxDecompressedBytes == b.maxDecompressedBytes && a.maxArchiveDepth == b.maxArchiveDepth &&
           a.maxLineBytes == b.maxLineBytes;
}

} // namespace

void TestReadingLimits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ctiflow-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_readinglimits"));
}

void TestReadingLimits::init()
{
    QSettings().clear();
}

void TestReadingLimits::defaultsWhenNothingWasSaved()
{
    QVERIFY(sameLimits(savedReadingLimits(), LoadOptions()));
}

void TestReadingLimits::savedLimitsAreRead()
{
    LoadOptions limits;
    limits.maxDecompressedBytes = 512 * mebi;
    limits.maxArchiveDepth = 2;
    limits.maxLineBytes = 64 * 1024;
    saveReadingLimits(limits);
    QVERIFY(sameLimits(savedReadingLimits(), limits));
}

void TestReadingLimits::badSavedValueKeepsTheDefault_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("zero size") << QStringLiteral("reading/maxDecompressedMiB") << QVariant(0);
    QTest::newRow("negative depth") << QStringLiteral("reading/maxArchiveDepth") << QVariant(-3);
    QTest::newRow("depth beyond reason") << QStringLiteral("reading/maxArchiveDepth") << QVariant(100000);
    QTest::newRow("line length not a number") << QStringLiteral("reading/maxLineKiB") << QVariant(QStringLiteral("x"));
}

void TestReadingLimits::badSavedValueKeepsTheDefault()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QSettings().setValue(key, value);
    QVERIFY(sameLimits(savedReadingLimits(), LoadOptions()));
}

void TestReadingLimits::dialogShowsAndReturnsLimits()
{
    LoadOptions limits;
    limits.maxDecompressedBytes = 300 * mebi;
    limits.maxArchiveDepth = 3;
    limits.maxLineBytes = 8 * 1024;
    ReadingLimitsDialog dialog(limits);
    QCOMPARE(dialog.decompressedBox()->value(), 300);
    QCOMPARE(dialog.depthBox()->value(), 3);
    QCOMPARE(dialog.lineBox()->value(), 8);
    dialog.lineBox()->setValue(16);
    limits.maxLineBytes = 16 * 1024;
    QVERIFY(sameLimits(dialog.limits(), limits));
}

void TestReadingLimits::restoreDefaultsButton()
{
    LoadOptions limits;
    limits.maxArchiveDepth = 1;
    limits.maxLineBytes = 2048;
    ReadingLimitsDialog dialog(limits);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    buttons->button(QDialogButtonBox::RestoreDefaults)->click();
    const LoadOptions defaults;
    QCOMPARE(dialog.depthBox()->value(), defaults.maxArchiveDepth);
    QCOMPARE(qint64(dialog.lineBox()->value()) * 1024, defaults.maxLineBytes);
}

void TestReadingLimits::windowReadsWithTheSavedLimits()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("SDL001_200_000001.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("00000001.000 |10:00:00.000 |AppInfo  |short\n00000002.000 |10:00:01.000 |AppInfo  |");
    file.write(QByteArray(3000, 'x'));
    file.write("\n");
    file.close();
    LoadOptions limits;
    limits.maxLineBytes = 1024;
    saveReadingLimits(limits);

    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths({dir.path()});
    QVERIFY(loaded.wait(10'000));
    const QList<QTreeWidgetItem *> cut =
        window.problemsView()->findItems(QStringLiteral("cut to its first 1024 bytes"), Qt::MatchContains, 3);
    QCOMPARE(cut.size(), 1);
}

QTEST_MAIN(TestReadingLimits)
#include "tst_readinglimits.moc"
