// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A bundle without a CTI login says why: what was read, what was passed over, what to collect.
#include "analyzer.h"
#include "clientlog.h"
#include "emptybundle.h"
#include "rules.h"
#include "traceloader.h"
#include "tracepath.h"
#include "tracestore.h"

#include <QFile>
#include <QTest>

using namespace CtiFlow;

namespace {

const QByteArray jabberLog = "2024-03-11 09:15:02,123 DEBUG [0x00002a10] [c\\deskphoneprovider\\DPProvider.cpp(412)] "
                             "[csf.ecc] [DPProvider::onProviderOpenCompleted] - PROVIDER_OPEN_COMPLETED_EVENT\n"
                             "2024-03-11 09:15:02,124 ERROR [0x00002a10] [per\\DeskPhoneConnectionContext.cpp(233)] "
                             "[jcf.tel.callcontrol] [DeskPhoneConnectionContext::onFailure] - reason: 0x8ccc0075\n";

// Records of a logged-in client's connection: heartbeats, no step of a login.
const QByteArray heartbeats =
    "00900001.000 |09:10:00.100 |AppInfo |[CTI-APP] [CTIHandler::processIncomingMessage] CTI HeartbeatRequest ( "
    "seq#=44120 )\n"
    "00900002.000 |09:10:05.250 |AppInfo |[CTI-APP] [CTIHandler::processIncomingMessage] CTI HeartbeatRequest ( "
    "seq#=44121 )\n"
    "00900003.000 |09:11:30.900 |AppInfo |[CTI-APP] [CTIHandler::processIncomingMessage] CTI HeartbeatRequest ( "
    "seq#=44122 )\n";

QByteArray sampleTrace()
{
    QFile file(QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Loaded
{
    std::shared_ptr<TraceStore> store;
    qsizetype sessions = 0;
};

Loaded load(const QList<LoadOptions::Text> &texts)
{
    LoadOptions options;
    options.texts = texts;
    Loaded loaded;
    loaded.store = loadTraces({}, options);
    loaded.sessions = loaded.store->recordCount() > 0 ? analyzeSessions(*loaded.store, builtinRules()).size() : 0;
    return loaded;
}

} // namespace

class TestEmptyBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognisesJabberLogs_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("jabber");
        QTest::newRow("jabber.log") << jabberLog << true;
        QTest::newRow("after a header line") << QByteArray("Cisco Jabber 15.0.1\n" + jabberLog) << true;
        QTest::newRow("SDL trace") << heartbeats << false;
        QTest::newRow("ISO times without a thread id")
            << QByteArray("2024-03-11 09:15:02,123 INFO something happened\n") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("short lines") << QByteArray("2024-03-11\n,\n") << false;
    }
    void recognisesJabberLogs()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, jabber);
        QCOMPARE(looksLikeJabberLog(text), jabber);
        QCOMPARE(skippedTextReason(text) == jabberLogSkipReason(), jabber);
    }

    void clientErrorsInAnySpelling()
    {
        const QByteArray log =
            "2024-03-11 09:15:02,124 ERROR [0x1] [a.cpp(1)] [csf.ecc] [A::b] - reason: 0x8ccc0075\n"
            "2024-03-11 09:15:03,000 INFO [0x1] [a.cpp(2)] [csf.ecc] [A::b] - nothing here\n"
            "2024-03-11 09:15:04,000 ERROR [0x1] [a.cpp(3)] [csf.ecc] [A::b] - error code=2362179701\n"
            "2024-03-11 09:15:05,000 ERROR [0x1] [a.cpp(4)] [csf.ecc] [A::b] - reason = -1932787616\n";
        const QList<ClientError> errors = clientErrors(log);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0].code, 0x8CCC0075u);
        QCOMPARE(errors[0].line, 1);
        QCOMPARE(errors[0].count, 2);
        QCOMPARE(errors[1].code, 0x8CCC0060u);
        QCOMPARE(errors[1].line, 4);
        QCOMPARE(errors[1].count, 1);
        QVERIFY(clientErrors("no codes\n0x8ccc\n").isEmpty());
    }

    void sessionsNeedNoExplanation()
    {
        const Loaded loaded = load({{QStringLiteral("SDL001_200_000001.txt"), sampleTrace()}});
        QCOMPARE(loaded.sessions, 1);
        QVERIFY(!explainEmptyBundle(*loaded.store, loaded.sessions));
    }

    void jabberLogOnly()
    {
        const Loaded loaded = load({{QStringLiteral("prt/jabber.log"), jabberLog}});
        QCOMPARE(loaded.store->recordCount(), 0);
        const auto why = explainEmptyBundle(*loaded.store, loaded.sessions);
        QVERIFY(why);
        QCOMPARE(why->title, QStringLiteral("No SDL trace record in what was opened"));
        QCOMPARE(why->details.value(0), QStringLiteral("jabber.log: %1.").arg(jabberLogSkipReason()));
        QVERIFY(why->details.value(1).startsWith(QStringLiteral("A Jabber client log shows only")));
        // What the client was told, named by the rules, and what to change for it.
        QCOMPARE(why->details.value(2),
                 QStringLiteral("jabber.log:2: the client was told 0x8CCC0075: Directory login timed out."));
        QVERIFY2(why->details.value(3).startsWith(QStringLiteral("For 0x8CCC0075: ")),
                 qPrintable(why->details.value(3)));
        QCOMPARE(why->details.size(), 4);
        QVERIFY(why->advice.contains(QStringLiteral("cm/trace/cti/sdl")));
        // The problems list has it too, with its line.
        const auto told = std::find_if(loaded.store->problems().cbegin(), loaded.store->problems().cend(),
                                       [](const Problem &p) { return p.ctiCode.has_value(); });
        QVERIFY(told != loaded.store->problems().cend());
        QCOMPARE(told->line, 2);
        QCOMPARE(told->reason, QStringLiteral("the client was told CTI error 0x8CCC0075"));
        QVERIFY(why->toText().startsWith(why->title + QLatin1Char('\n') + why->details.value(0)));
    }

    void encryptedProblemReportSaysHowToDecrypt()
    {
        const Loaded loaded = load({{QStringLiteral("Desktop/prt-20240311.zip.enc"), QByteArray("\x8f\x01\x00\x02", 4)},
                                    {QStringLiteral("Desktop/prt-20240311.zip.esk"), "bm90IGEga2V5\n"}});
        const auto why = explainEmptyBundle(*loaded.store, 0);
        QVERIFY(why);
        QCOMPARE(why->details.size(), 2);
        QVERIFY2(why->details[0].startsWith(QStringLiteral("prt-20240311.zip.enc: skipped: an encrypted Jabber problem "
                                                           "report; decrypt it with CiscoJabberPrtDecrypter")),
                 qPrintable(why->details[0]));
        QVERIFY(why->details[1].startsWith(QStringLiteral("prt-20240311.zip.esk: skipped: the key of an encrypted")));
    }

    void manySkippedFilesAreCounted()
    {
        QList<LoadOptions::Text> texts;
        for (int i = 0; i < 7; ++i)
            texts.append({QStringLiteral("notes%1.txt").arg(i), "nothing of a trace here\n"});
        const Loaded loaded = load(texts);
        const auto why = explainEmptyBundle(*loaded.store, 0);
        QVERIFY(why);
        QCOMPARE(why->details.size(), 5);
        QVERIFY(why->details[0].endsWith(QStringLiteral(": skipped: no SDL trace record near the start.")));
        QCOMPARE(why->details[4], QStringLiteral("3 more files passed over (Problems lists each)."));
    }

    void recordsWithoutLogin_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("explains");
        QTest::newRow("CTI Manager") << QStringLiteral("cucm1/cm/trace/cti/sdl/SDL001_200_000007.txt")
                                     << QStringLiteral("No CTI login in these traces")
                                     << QStringLiteral("No record is a step of a CTI login");
        QTest::newRow("CallManager") << QStringLiteral("cucm1/cm/trace/ccm/sdl/SDL001_100_000007.txt")
                                     << QStringLiteral("CallManager traces, not the CTI Manager's")
                                     << QStringLiteral("These are CallManager SDL traces");
    }
    void recordsWithoutLogin()
    {
        QFETCH(QString, name);
        QFETCH(QString, title);
        QFETCH(QString, explains);
        const Loaded loaded = load({{name, heartbeats}, {QStringLiteral("jabber.log"), jabberLog}});
        QCOMPARE(loaded.store->recordCount(), 3);
        QCOMPARE(loaded.sessions, 0);
        const auto why = explainEmptyBundle(*loaded.store, loaded.sessions);
        QVERIFY(why);
        QCOMPARE(why->title, title);
        QCOMPARE(why->details.value(0), QStringLiteral("3 records from 09:10:00 to 09:11:30 in 1 file(s) of cucm1."));
        QVERIFY2(why->details.value(1).startsWith(explains), qPrintable(why->details.value(1)));
        // The Jabber log beside them is named with its reason.
        QCOMPARE(why->details.value(2), QStringLiteral("jabber.log: %1.").arg(jabberLogSkipReason()));
    }
};

QTEST_GUILESS_MAIN(TestEmptyBundle)
#include "tst_emptybundle.moc"
