// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-written traces, one per cause and per situation, each replayed padded and collapsed and with
// 10.5 and 14.x process numbering; golden JSON for the traces as written.
#include "flowfixture.h"
#include "sessionjson.h"

#include <QDir>
#include <QJsonDocument>
#include <QTest>

using namespace CtiFlow;
using namespace CtiFlow::Test;

Q_DECLARE_METATYPE(CtiFlow::Test::Variant)

namespace {

struct Expectation
{
    const char *fixture;
    const char *row;
    const char *verdicts;
};

const Expectation expectations[] = {
    {"success-excerpt-10.5.txt", "published success excerpt", "succeeded"},
    {"cause-directory-unavailable.txt", "LDAP cannot be reached",
     "failed:directory-unavailable@ldap-initialize:0x8CCC005E"},
    {"cause-not-cti-enabled.txt", "user not in Standard CTI Enabled",
     "failed:not-cti-enabled@user-settings-response:0x8CCC005F"},
    {"cause-invalid-credentials.txt", "LDAP user bind rejected",
     "failed:invalid-credentials@ldap-user-bind:0x8CCC0060"},
    {"cause-directory-login-timeout.txt", "login check timer fires",
     "failed:directory-login-timeout@login-check-response:0x8CCC0075"},
    {"cause-cti-port-mismatch.txt", "secure user on the plain port",
     "failed:cti-port-mismatch@provider-open-completed:0x8CCC00D1"},
    {"cause-password-expired.txt", "policy says the password must change",
     "failed:password-expired@credential-policy:0x8CCC011D"},
    {"cause-account-locked.txt", "policy shows a hack lockout", "failed:account-locked@credential-policy:0x8CCC011F"},
    {"cause-max-cti-connections.txt", "CTI Manager full",
     "failed:max-cti-connections@provider-open-request:0x8CCC0047"},
    {"cause-credential-decryption-failed.txt", "key decryption fails",
     "failed:credential-decryption-failed@credential-decryption:0x8CCC0060"},
    {"cause-ldap-service-bind-failed.txt", "service account bind rejected",
     "failed:ldap-service-bind-failed@ldap-service-bind:0x8CCC005E"},
    {"cause-ldap-user-not-found.txt", "user search finds nothing",
     "failed:ldap-user-not-found@ldap-user-search:0x8CCC0060"},
    {"cause-no-controlled-devices.txt", "no controlled devices", "failed:no-controlled-devices@device-list-fetch"},
    {"cause-device-not-controllable.txt", "device does not allow CTI control",
     "failed:device-not-controllable@device-open-response:0x8CCC00D2"},
    {"cause-line-not-controllable.txt", "line does not allow CTI control",
     "failed:line-not-controllable@line-open:0x8CCC00D3"},
    {"cause-device-not-associated.txt", "device not associated",
     "failed:device-not-associated@device-open-response:0x8CCC0126"},
    {"cause-device-already-opened.txt", "device opened by another application",
     "failed:device-already-opened@device-open-response:0x8CCC0013"},
    {"cause-device-shutting-down.txt", "device resetting",
     "failed:device-shutting-down@device-open-response:0x8CCC009A"},
    {"cause-unknown-cti-error.txt", "code outside the catalogue, signed only",
     "failed:unknown-cti-error@device-open-response:0x8CCC00F3"},
    {"cause-flow-stopped.txt", "flow stops after the policy dump", "failed:flow-stopped@ldap-authentication"},
    {"partial-starts-at-directory.txt", "trace starts at the Directory step", "succeeded"},
    {"partial-ends-before-device-open.txt", "trace ends before device open", "incomplete"},
    {"sso-token-login.txt", "token login skips LDAP", "succeeded"},
    {"slow-ldap-user-bind.txt", "slow LDAP user bind", "succeeded"},
    {"interleaved-three-users.txt", "three users interleaved mid-group",
     "succeeded; failed:not-cti-enabled@user-settings-response:0x8CCC005F; succeeded"},
    {"retry-after-failure.txt", "retry after a wrong password, new and reused connection",
     "failed:invalid-credentials@ldap-user-bind:0x8CCC0060; succeeded; succeeded"},
};

const Session &only(const QList<Session> &sessions)
{
    static const Session none;
    return sessions.size() == 1 ? sessions.first() : none;
}

StepStatus statusOf(const Session &session, const QString &id)
{
    for (const StepResult &step : session.steps) {
        if (step.id == id)
            return step.status;
    }
    return StepStatus::NotReached;
}

} // namespace

class TestFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureVerdicts_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<Variant>("variant");
        QTest::addColumn<QString>("expected");
        const std::pair<Variant, const char *> variants[] = {
            {Variant::AsWritten, "as written"},
            {Variant::OtherStyle, "other column style"},
            {Variant::OtherNumbering, "14.x numbering"},
            {Variant::Both, "other style, 14.x numbering"},
        };
        for (const Expectation &e : expectations) {
            for (const auto &[variant, name] : variants) {
                QTest::addRow("%s, %s", e.row, name)
                    << QString::fromLatin1(e.fixture) << variant << QString::fromLatin1(e.verdicts);
            }
        }
    }

    void fixtureVerdicts()
    {
        QFETCH(QString, fixture);
        QFETCH(Variant, variant);
        QFETCH(QString, expected);
        const QByteArray text = readFixture(fixture);
        QVERIFY(!text.isEmpty());
        const auto store = storeOf(fixture, variantOf(text, variant));
        const QList<Session> sessions = analyzeSessions(*store);
        QCOMPARE(verdicts(sessions), expected);
        for (const Session &session : sessions) {
            QVERIFY(!session.login.isEmpty());
            QCOMPARE(session.steps.size(), 21);
            if (session.outcome == Outcome::Succeeded)
                QVERIFY(!session.cause);
            if (session.cause) {
                QVERIFY(!session.cause->title.isEmpty());
                QVERIFY(session.cause->action.contains(QLatin1String("Cisco Unified")));
                QVERIFY(!session.cause->evidence.isEmpty());
            }
        }
    }

    void sampleSuccessPassesEverySeedStep()
    {
        const auto store = storeOf(QStringLiteral("sample"), readFixture(QStringLiteral("success-excerpt-10.5.txt")));
        const Session session = only(analyzeSessions(*store));
        QCOMPARE(session.login, QStringLiteral("wwhite"));
        QCOMPARE(session.devices, QStringList{QStringLiteral("SEP001794625DE5")});
        QCOMPARE(session.providerId, QStringLiteral("16777223"));
        QCOMPARE(session.connection, QStringLiteral("1,200,13,8"));
        QCOMPARE(session.handler, QStringLiteral("CTIHandler(1,200,22,7)"));
        QCOMPARE(session.records.size(), store->recordCount()); // every record of the excerpt is this login's
        for (const StepResult &step : session.steps) {
            // The published excerpt leaves out the device list and ProviderOpenCompletedEvent lines,
            // and ends before any line is opened.
            if (step.id == QLatin1String("device-list-fetch") || step.id == QLatin1String("provider-open-completed"))
                QCOMPARE(step.status, StepStatus::Missing);
            else if (step.id == QLatin1String("line-open"))
                QCOMPARE(step.status, StepStatus::NotReached);
            else
                QVERIFY2(step.status == StepStatus::Passed, qPrintable(step.id));
            QVERIFY(!step.slow);
        }
        QCOMPARE(timeOfDayText(session.steps.first().timeMs), QStringLiteral("08:59:16.944"));
    }

    void tokenLoginSkipsLdapSteps()
    {
        const auto store = storeOf(QStringLiteral("sso"), readFixture(QStringLiteral("sso-token-login.txt")));
        const Session session = only(analyzeSessions(*store));
        QVERIFY(session.tokenLogin);
        for (const char *id : {"ldap-authentication", "ldap-connect", "ldap-initialize", "ldap-service-bind",
                               "ldap-user-search", "ldap-user-bind"})
            QCOMPARE(statusOf(session, QLatin1String(id)), StepStatus::NotReached);
        QCOMPARE(statusOf(session, QStringLiteral("device-in-service")), StepStatus::Passed);
    }

    void partialTraceMarksEarlierStepsMissing()
    {
        const auto store =
            storeOf(QStringLiteral("partial"), readFixture(QStringLiteral("partial-starts-at-directory.txt")));
        const Session session = only(analyzeSessions(*store));
        QCOMPARE(statusOf(session, QStringLiteral("provider-open-request")), StepStatus::Missing);
        QCOMPARE(statusOf(session, QStringLiteral("provider-open-response")), StepStatus::Missing);
        QCOMPARE(statusOf(session, QStringLiteral("login-check-request")), StepStatus::Passed);
    }

    void incompleteSessionHasNoCause()
    {
        const auto store =
            storeOf(QStringLiteral("partial"), readFixture(QStringLiteral("partial-ends-before-device-open.txt")));
        const Session session = only(analyzeSessions(*store));
        QCOMPARE(session.outcome, Outcome::Incomplete);
        QVERIFY(!session.cause);
        QCOMPARE(statusOf(session, QStringLiteral("provider-open-completed")), StepStatus::Passed);
        QCOMPARE(statusOf(session, QStringLiteral("device-open-request")), StepStatus::NotReached);
    }

    void slowStepIsFlaggedFromRulesThreshold()
    {
        const auto store = storeOf(QStringLiteral("slow"), readFixture(QStringLiteral("slow-ldap-user-bind.txt")));
        const Session session = only(analyzeSessions(*store));
        for (const StepResult &step : session.steps) {
            QCOMPARE(step.slow, step.id == QLatin1String("ldap-user-bind"));
            if (step.slow) {
                QVERIFY(step.deltaMs > 1000);
                QVERIFY(step.slowReason.contains(QLatin1String("over 1 s")));
            }
        }
    }

    void unknownCodeShowsAllSpellings()
    {
        const auto store = storeOf(QStringLiteral("u"), readFixture(QStringLiteral("cause-unknown-cti-error.txt")));
        const Session session = only(analyzeSessions(*store));
        QVERIFY(session.cause);
        QVERIFY(session.cause->title.contains(QLatin1String("0x8CCC00F3")));
        QVERIFY(session.cause->explanation.contains(QLatin1String("2362179827")));
        QVERIFY(session.cause->explanation.contains(QLatin1String("-1932787469")));
    }

    void flowStoppedNamesLastStepSeen()
    {
        const auto store = storeOf(QStringLiteral("f"), readFixture(QStringLiteral("cause-flow-stopped.txt")));
        const Session session = only(analyzeSessions(*store));
        QVERIFY(session.cause);
        QVERIFY2(session.cause->title.contains(QLatin1String("Credential policy")), qPrintable(session.cause->title));
    }

    // The ProviderOpenRequest line opens the session, and the signal whose handling wrote it (a
    // CtiQbeGenericMessage) is part of the login too: the session's records start with it.
    void sessionHoldsTheSignalOfItsOpeningLine()
    {
        const auto store = storeOf(QStringLiteral("m"), readFixture(QStringLiteral("cause-max-cti-connections.txt")));
        const Session session = only(analyzeSessions(*store));
        QVERIFY(!session.records.isEmpty());
        const RecordIndex first = session.records.first();
        QCOMPARE(store->signalName(first), QByteArrayView("CtiQbeGenericMessage"));
        QCOMPARE(store->line(first).value, 6);
        QVERIFY(!session.records.contains(RecordIndex{0})); // another connection's heartbeat
    }

    // The lines written for that signal before the request join the session as well, and a line of
    // another signal's handling written in between does not.
    void sessionHoldsTheLinesBeforeItsOpeningLine()
    {
        const QByteArray text =
            "00000010.000 |10:00:00.000 |SdlSig |CtiQbeGenericMessage |init_complete_await_provopen "
            "|CTIHandler(1,200,22,7) |CtiManager(1,200,21,1) |1,200,13,8.3^*^* |*TraceFlagOverrode\n"
            "00000010.001 |10:00:00.000 |AppInfo |CQBEParser::ParseQbeMessage: PDU#=50\n"
            "00000011.000 |10:00:00.000 |SdlSig |SdlDataInd |ready |CtiManager(1,200,21,1) "
            "|SdlTCPConnection(1,200,13,9) |1,200,13,9.2^*^* |*TraceFlagOverrode\n"
            "00000011.001 |10:00:00.000 |AppInfo |CtiManager::ready_SdlDataInd(): ConnHandle=[1:200:13:9]\n"
            "00000010.002 |10:00:00.001 |AppInfo |[CTI-APP] [CTIHandler::processIncomingMessage] CTI "
            "ProviderOpenRequest ( seq#=2 provider=UCProvider login=wwhite heartbeat=60 )\n";
        const auto store = storeOf(QStringLiteral("g"), text);
        const Session session = only(analyzeSessions(*store));
        QCOMPARE(session.login, QStringLiteral("wwhite"));
        QCOMPARE(session.records, (QList<RecordIndex>{RecordIndex{0}, RecordIndex{1}, RecordIndex{4}}));
    }

    void goldenJson_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const Expectation &e : expectations)
            QTest::newRow(e.row) << QString::fromLatin1(e.fixture);
    }

    // The JSON of `ctiflow analyze --json` for each fixture as written, against tests/data/flow/golden.
    // tests/tools/regen-golden-flow.sh rewrites the references on purpose.
    void goldenJson()
    {
        QFETCH(QString, fixture);
        const auto store = storeOf(fixture, readFixture(fixture));
        const QJsonObject json = analysisToJson(*store, {fixture}, analyzeSessions(*store));
        const QByteArray actual = QJsonDocument(json).toJson(QJsonDocument::Indented);
        const QString golden = QStringLiteral(CTIFLOW_TEST_DATA "/flow/golden/") + fixture + QStringLiteral(".json");
        if (qEnvironmentVariableIsSet("CTIFLOW_REGENERATE_GOLDEN")) {
            QDir().mkpath(QFileInfo(golden).absolutePath());
            QFile out(golden);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(actual);
            return;
        }
        QFile expected(golden);
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(golden + QStringLiteral(" is missing")));
        if (expected.readAll() != actual) {
            const QString path = QDir::temp().filePath(fixture + QStringLiteral(".actual.json"));
            QFile out(path);
            if (out.open(QIODevice::WriteOnly))
                out.write(actual);
            QFAIL(qPrintable(QStringLiteral("%1 differs; actual output in %2").arg(golden, path)));
        }
    }
};

QTEST_GUILESS_MAIN(TestFlow)
#include "tst_flow.moc"
