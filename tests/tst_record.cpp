// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "record.h"

#include <QTest>

using namespace CtiFlow;

class TestRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerLength_data();
    void headerLength();
    void signalFields_data();
    void signalFields();
    void appInfoKeepsBars();
    void processTuple_data();
    void processTuple();
    void timeOfDay_data();
    void timeOfDay();
    void displayText_data();
    void displayText();
    void trimmedFieldPadding_data();
    void trimmedFieldPadding();
};

void TestRecord::headerLength_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("isRecord");
    QTest::newRow("collapsed padding") << QByteArray("00895255.002 |08:59:16.944 |AppInfo |x") << true;
    QTest::newRow("fixed-width padding") << QByteArray("00895255.002 |08:59:16.944 |AppInfo  |x") << true;
    QTest::newRow("padded before bar") << QByteArray("00895255.002   |08:59:16.944    |SdlSig |x") << true;
    QTest::newRow("no-break space padding")
        << QByteArray("00895255.002\xC2\xA0 |08:59:16.944\xC2\xA0 |AppInfo |x") << true;
    QTest::newRow("continuation line") << QByteArray("After Escaping for LDAP special Characters") << false;
    QTest::newRow("seven digit sequence") << QByteArray("0089525.002 |08:59:16.944 |AppInfo |x") << false;
    QTest::newRow("time without millis") << QByteArray("00895255.002 |08:59:16 |AppInfo |x") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestRecord::headerLength()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, isRecord);
    QCOMPARE(recordHeaderLength(line) > 0, isRecord);
}

void TestRecord::signalFields_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("signal");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("text");

    QTest::newRow("collapsed SdlSig") << QByteArray("00895261.000 |08:59:17.058 |SdlSig |CtiLoginCheckReq |ready "
                                                    "|Directory(1,200,23,1) |CTIHandler(1,200,22,7) |1,200,13,8.3^*^* "
                                                    "|[T:N-H:0,N:0,L:0,V:0,Z:0,D:0] Login=wwhite Seq#=2")
                                      << "SdlSig" << "CtiLoginCheckReq" << "Directory(1,200,23,1)"
                                      << "CTIHandler(1,200,22,7)" << "1,200,13,8.3^*^*" << "Login=wwhite Seq#=2";
    QTest::newRow("signal name with leading space")
        << QByteArray("00895329.000 |08:59:17.339 |SdlSig | CtiDeviceOpenDeviceRes |ready |CTIHandler(1,200,22,7) "
                      "|CTIDeviceLineMgr(1,200,25,1) |1,200,13,8.5^ 10.10.10.100^SEP001794625DE5 "
                      "|[R:N-H:0,N:3,L:0,V:0,Z:0,D:0] DH=1|38 mOpenResult=0x0")
        << "SdlSig" << "CtiDeviceOpenDeviceRes" << "CTIHandler(1,200,22,7)" << "CTIDeviceLineMgr(1,200,25,1)"
        << "1,200,13,8.5^ 10.10.10.100^SEP001794625DE5" << "DH=1|38 mOpenResult=0x0";
    QTest::newRow("padded SdlSig-I") << QByteArray(
                                            "00004372.000 |10:01:02.003 |SdlSig-I |CtiLineOpenLineRes        "
                                            "      |ready                          |CTIDeviceLineMgr(1,200,9,1)  "
                                            "  |CTIRegistrar(3,100,26,1)         |1,200,21,167.6^*^*       "
                                            "|[R:N-H:0,N:0,L:0,V:0,Z:0,D:0] Result=0x0")
                                     << "SdlSig-I" << "CtiLineOpenLineRes" << "CTIDeviceLineMgr(1,200,9,1)"
                                     << "CTIRegistrar(3,100,26,1)" << "1,200,21,167.6^*^*" << "Result=0x0";
    QTest::newRow("trace flag overrode") << QByteArray("00895337.000 |08:59:17.344 |SdlSig |SdlDataInd |ready "
                                                       "|CtiManager(1,200,21,1) |SdlTCPConnection(1,200,13,8) "
                                                       "|1,200,13,8.6^*^* |*TraceFlagOverrode")
                                         << "SdlSig" << "SdlDataInd" << "CtiManager(1,200,21,1)"
                                         << "SdlTCPConnection(1,200,13,8)" << "1,200,13,8.6^*^*" << "";
}

void TestRecord::signalFields()
{
    QFETCH(QString, type);
    QFETCH(QString, signal);
    QFETCH(QString, destination);
    QFETCH(QString, source);
    QFETCH(QString, tag);
    QFETCH(QString, text);
    QFETCH(QByteArray, line);
    RecordFields fields;
    QVERIFY(parseRecordFields(line, fields));
    QCOMPARE(QString::fromLatin1(fields.typeName), type);
    QVERIFY(isSignal(fields.type));
    QCOMPARE(QString::fromLatin1(fields.signal), signal);
    QCOMPARE(QString::fromLatin1(fields.destination), destination);
    QCOMPARE(QString::fromLatin1(fields.source), source);
    QCOMPARE(QString::fromLatin1(fields.connectionTag), tag);
    QCOMPARE(QString::fromLatin1(fields.text), text);
}

void TestRecord::appInfoKeepsBars()
{
    RecordFields fields;
    QVERIFY(parseRecordFields("00895336.003 |08:59:17.343 |AppInfo |[CTI-APP] CTI DeviceInServiceEvent ( DH=1|38 )",
                              fields));
    QCOMPARE(fields.type, RecordType::AppInfo);
    QCOMPARE(fields.text, QByteArrayView("[CTI-APP] CTI DeviceInServiceEvent ( DH=1|38 )"));
    QCOMPARE(fields.sequence, QByteArrayView("00895336.003"));
    QCOMPARE(fields.time, QByteArrayView("08:59:17.343"));
}

void TestRecord::processTuple_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("node");
    QTest::addColumn<int>("instance");
    QTest::newRow("10.5 CTIHandler") << QByteArray("CTIHandler(1,200,22,7)") << "CTIHandler" << 1 << 7;
    QTest::newRow("14.x CTIHandler") << QByteArray(" CTIHandler(1,200,12,212) ") << "CTIHandler" << 1 << 212;
    QTest::newRow("empty instance") << QByteArray("MediaResourceManager(2,100,138,)") << "MediaResourceManager" << 2
                                    << -1;
    QTest::newRow("not a tuple") << QByteArray("ready") << "" << -1 << -1;
    QTest::newRow("number too long for an int")
        << QByteArray("CTIHandler(1,200,22,12222222222)") << "CTIHandler" << 1 << -1;
}

void TestRecord::processTuple()
{
    QFETCH(QString, name);
    QFETCH(int, node);
    QFETCH(int, instance);
    QFETCH(QByteArray, field);
    const ProcessTuple tuple = parseProcessTuple(field);
    QCOMPARE(QString::fromLatin1(tuple.name), name);
    QCOMPARE(tuple.node, node);
    QCOMPARE(tuple.instance, instance);
}

void TestRecord::timeOfDay_data()
{
    QTest::addColumn<QByteArray>("time");
    QTest::addColumn<int>("ms");
    QTest::newRow("morning") << QByteArray("08:59:16.944") << ((8 * 60 + 59) * 60 + 16) * 1000 + 944;
    QTest::newRow("midnight") << QByteArray("00:00:00.000") << 0;
    QTest::newRow("hour 24 rejected") << QByteArray("24:00:00.000") << -1;
    QTest::newRow("short") << QByteArray("08:59:16") << -1;
}

void TestRecord::timeOfDay()
{
    QFETCH(int, ms);
    QFETCH(QByteArray, time);
    QCOMPARE(parseTimeOfDay(time), ms);
}

void TestRecord::displayText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("shown");
    QTest::newRow("ASCII as is") << QByteArray("Login=wwhite") << QStringLiteral("Login=wwhite");
    QTest::newRow("valid UTF-8 decoded") << QByteArray("caf\xC3\xA9") << QStringLiteral("caf\u00E9");
    QTest::newRow("Latin-1 byte kept and shown, not replaced") << QByteArray("caf\xE9") << QStringLiteral("caf\u00E9");
}

void TestRecord::displayText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, shown);
    QCOMPARE(CtiFlow::displayText(bytes), shown);
}

void TestRecord::trimmedFieldPadding_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("trimmed");
    // Runs of spaces below, at and above the sixteen bytes that are looked at in one step.
    for (const int spaces : {0, 1, 15, 16, 17, 31, 32, 33, 40}) {
        const QByteArray pad(spaces, ' ');
        QTest::addRow("name then %d spaces", spaces)
            << QByteArray(" CtiLoginCheckReq" + pad) << QByteArray("CtiLoginCheckReq");
        QTest::addRow("%d spaces only", spaces) << pad << QByteArray();
        QTest::addRow("one letter then %d spaces", spaces) << QByteArray("x" + pad) << QByteArray("x");
        QTest::addRow("inner spaces kept, then %d spaces", spaces)
            << QByteArray("NA RemoteSignal" + pad) << QByteArray("NA RemoteSignal");
        QTest::addRow("tab and no-break space under %d spaces", spaces)
            << QByteArray("ready\t\xC2\xA0" + pad + "\t") << QByteArray("ready");
        QTest::addRow("spaces, a tab, then %d spaces", spaces)
            << QByteArray("ready" + QByteArray(20, ' ') + "\t" + pad) << QByteArray("ready");
    }
}

void TestRecord::trimmedFieldPadding()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, trimmed);
    QCOMPARE(trimmedField(field).toByteArray(), trimmed);
}

QTEST_GUILESS_MAIN(TestRecord)
#include "tst_record.moc"
