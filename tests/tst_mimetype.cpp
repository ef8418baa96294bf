// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The MIME types installed for CUCM SDL traces, as a desktop sees them: the package's XML is compiled
// with update-mime-database (what the shared-mime-info trigger does) and queried through Qt.
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString sdlTrace = QStringLiteral("text/x-cucm-sdl-trace");
const QString sdlTraceGzip = QStringLiteral("application/x-cucm-sdl-trace-gzip");
const QString plainText = QStringLiteral("text/plain");
const QString gzip = QStringLiteral("application/gzip");

const QByteArray paddedRecord = QByteArrayLiteral(
    "00895261.000 |08:59:17.058 |SdlSig   |CtiLoginCheckReq                       |ready                          "
    "|Directory(1,200,23,1)            |CTIHandler(1,200,22,7)           |1,200,13,8.3^*^*\n");
const QByteArray collapsedRecord =
    QByteArrayLiteral("00895261.001 |08:59:17.058 |AppInfo |CtiLoginCheckReq:: authenticateByUserName\n");

} // namespace

class TestMimeType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void byFileName_data();
    void byFileName();
    void byContent_data();
    void byContent();
    void contentWithoutExtension();
    void parentTypes();

private:
    QTemporaryDir m_dataDir;
};

void TestMimeType::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    const QString packages = m_dataDir.filePath(QStringLiteral("mime/packages"));
    QVERIFY(QDir().mkpath(packages));
    QVERIFY(QFile::copy(QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/desktop/org.example.ctiflow.xml"),
                        packages + QStringLiteral("/org.example.ctiflow.xml")));

    // Only our database and the system's; a user's own MIME definitions must not change the result.
    qputenv("XDG_DATA_HOME", m_dataDir.filePath(QStringLiteral("home")).toLocal8Bit());
    qputenv("XDG_DATA_DIRS", QByteArray(m_dataDir.path().toLocal8Bit() + ":/usr/share"));

    QProcess update;
    update.start(QStringLiteral("update-mime-database"), {m_dataDir.filePath(QStringLiteral("mime"))});
    QVERIFY2(update.waitForFinished(60000), "update-mime-database (package shared-mime-info) did not run");
    QCOMPARE(update.exitCode(), 0);
    QCOMPARE(update.readAllStandardError(), QByteArray());
}

void TestMimeType::byFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("mimeType");
    QTest::newRow("CTI Manager trace") << QStringLiteral("SDL001_200_000042.txt") << sdlTrace;
    QTest::newRow("CallManager trace") << QStringLiteral("SDL002_100_000819.txt") << sdlTrace;
    QTest::newRow("closed trace, gzip-compressed") << QStringLiteral("SDL001_200_000042.txt.gz") << sdlTraceGzip;
    QTest::newRow("trace still being written") << QStringLiteral("SDL001_100_001196.txt.gzo") << sdlTraceGzip;
    QTest::newRow("any .gzo file") << QStringLiteral("current.gzo") << sdlTraceGzip;
    QTest::newRow("other text file stays plain text") << QStringLiteral("notes.txt") << plainText;
    QTest::newRow("other gzip file stays gzip") << QStringLiteral("notes.txt.gz") << gzip;
    QTest::newRow("too few digits is no trace name") << QStringLiteral("SDL1_200_42.txt") << plainText;
    QTest::newRow("SDI trace is not an SDL trace") << QStringLiteral("SDI001_200_000042.txt") << plainText;
}

void TestMimeType::byFileName()
{
    QFETCH(QString, fileName);
    QFETCH(QString, mimeType);
    QCOMPARE(QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension).name(), mimeType);
}

void TestMimeType::byContent_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("mimeType");
    QTest::newRow("fixed-width records") << paddedRecord + collapsedRecord << sdlTrace;
    QTest::newRow("collapsed padding") << collapsedRecord + collapsedRecord << sdlTrace;
    QTest::newRow("other lines before the first record")
        << QByteArrayLiteral("Trace started\n\n") + paddedRecord << sdlTrace;
    QTest::newRow("Jabber client log is plain text")
        << QByteArrayLiteral("2024-05-02 09:14:31,412 DEBUG [0x0000000000001e04] [csf.jwcpp] - ready\n") << plainText;
    QTest::newRow("prose is plain text") << QByteArrayLiteral("Login failed at 08:59:17 | see below\n") << plainText;

    QFile sample(QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QTest::newRow("the sample trace") << sample.read(4096) << sdlTrace;
}

void TestMimeType::byContent()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, mimeType);
    QCOMPARE(QMimeDatabase().mimeTypeForData(data).name(), mimeType);
}

void TestMimeType::contentWithoutExtension()
{
    const QMimeType type = QMimeDatabase().mimeTypeForFileNameAndData(QStringLiteral("cti-excerpt"), paddedRecord);
    QCOMPARE(type.name(), sdlTrace);
    QCOMPARE(type.comment(), QStringLiteral("CUCM SDL trace"));
}

void TestMimeType::parentTypes()
{
    const QMimeDatabase database;
    QVERIFY(database.mimeTypeForName(sdlTrace).inherits(plainText));
    QVERIFY(database.mimeTypeForName(sdlTraceGzip).inherits(gzip));
}

QTEST_GUILESS_MAIN(TestMimeType)
#include "tst_mimetype.moc"
