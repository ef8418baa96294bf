// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rules file: the built-in one matches the flow contract, a user file can add knowledge, and a
// malformed one is refused with its file, place and reason.
#include "analyzer.h"
#include "ctierror.h"
#include "flowfixture.h"
#include "rules.h"
#include "verdict.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

QJsonObject builtinJson()
{
    QFile file(QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/rules/ctiflow-rules.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString writeRules(const QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

// Applies one change to the built-in rules document, as a user editing the file might.
using Edit = std::function<void(QJsonObject &)>;

QByteArray edited(const Edit &edit)
{
    QJsonObject root = builtinJson();
    edit(root);
    return QJsonDocument(root).toJson();
}

QJsonObject changedAt(QJsonObject object, const QString &arrayKey, int index, const QString &key,
                      const QJsonValue &value)
{
    QJsonArray array = object[arrayKey].toArray();
    QJsonObject item = array[index].toObject();
    if (value.isUndefined())
        item.remove(key);
    else
        item[key] = value;
    array[index] = item;
    object[arrayKey] = array;
    return object;
}

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestFlowRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinRulesFollowTheContract()
    {
        const Rules &rules = builtinRules();
        const QStringList steps{QStringLiteral("provider-open-request"),
                                QStringLiteral("provider-open-response"),
                                QStringLiteral("login-check-request"),
                                QStringLiteral("credential-decryption"),
                                QStringLiteral("credential-lookup"),
                                QStringLiteral("credential-policy"),
                                QStringLiteral("ldap-authentication"),
                                QStringLiteral("ldap-connect"),
                                QStringLiteral("ldap-initialize"),
                                QStringLiteral("ldap-service-bind"),
                                QStringLiteral("ldap-user-search"),
                                QStringLiteral("ldap-user-bind"),
                                QStringLiteral("login-check-response"),
                                QStringLiteral("user-settings-request"),
                                QStringLiteral("user-settings-response"),
                                QStringLiteral("device-list-fetch"),
                                QStringLiteral("provider-open-completed"),
                                QStringLiteral("device-open-request"),
                                QStringLiteral("device-open-response"),
                                QStringLiteral("device-in-service"),
                                QStringLiteral("line-open")};
        QStringList ids;
        for (const RuleStep &step : rules.steps)
            ids << step.id;
        QCOMPARE(ids, steps);
        const QStringList lanes{QStringLiteral("Jabber"),     QStringLiteral("CTIHandler"),
                                QStringLiteral("Directory"),  QStringLiteral("LDAP"),
                                QStringLiteral("DbAccess"),   QStringLiteral("DeviceLineMgr"),
                                QStringLiteral("CallManager")};
        QStringList laneIds;
        for (const RuleLane &lane : rules.lanes)
            laneIds << lane.id;
        QCOMPARE(laneIds, lanes);
        QCOMPARE(rules.causes.size(), 19);
        for (const RuleCause &cause : rules.causes) {
            QVERIFY2(cause.action.contains(QLatin1String("Cisco Unified")), qPrintable(cause.id));
            QVERIFY(!cause.explanation.isEmpty());
        }
        QCOMPARE(rules.laneOf("CtiManager", 200), QStringLiteral("CTIHandler"));
        QCOMPARE(rules.laneOf("CTIRegistrar", 100), QStringLiteral("CallManager"));
        QCOMPARE(rules.laneOf("CTIDbAccess", 200), QStringLiteral("DbAccess"));
    }

    void malformedRulesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not JSON: error on the third line")
            << QByteArray("{\n  \"format\": 1,\n  \"lanes\": [ ,\n}") << qint64(3) << QStringLiteral("not valid JSON");
        QTest::newRow("a JSON array, not an object")
            << QByteArray("[1, 2]") << qint64(0) << QStringLiteral("one JSON object");
        QTest::newRow("unknown format") << edited([](QJsonObject &r) { r[QStringLiteral("format")] = 2; }) << qint64(0)
                                        << QStringLiteral("format: only rules format 1");
        QTest::newRow("steps missing") << edited([](QJsonObject &r) { r.remove(QStringLiteral("steps")); }) << qint64(0)
                                       << QStringLiteral("rules.steps: an array is needed");
        QTest::newRow("pattern with neither signal nor text") << edited([](QJsonObject &r) {
            QJsonArray steps = r[QStringLiteral("steps")].toArray();
            QJsonObject step = steps[2].toObject();
            step[QStringLiteral("evidence")] = QJsonArray{QJsonObject{{QStringLiteral("unless"), QStringLiteral("x")}}};
            steps[2] = step;
            r[QStringLiteral("steps")] = steps;
        }) << qint64(0) << QStringLiteral("steps[2].evidence[0]: a pattern needs");
        QTest::newRow("invalid regular expression") << edited([](QJsonObject &r) {
            r = changedAt(r, QStringLiteral("signatures"), 0, QStringLiteral("match"),
                          QJsonObject{{QStringLiteral("text"), QStringLiteral("x")},
                                      {QStringLiteral("regex"), QStringLiteral("(unclosed")}});
        }) << qint64(0) << QStringLiteral("signatures[0].match.regex: invalid regular expression");
        QTest::newRow("signature names an unknown cause") << edited([](QJsonObject &r) {
            r = changedAt(r, QStringLiteral("signatures"), 1, QStringLiteral("cause"), QStringLiteral("gremlins"));
        }) << qint64(0) << QStringLiteral("signatures[1].cause: no cause has the id \"gremlins\"");
        QTest::newRow("carrier names an unknown step") << edited([](QJsonObject &r) {
            r = changedAt(r, QStringLiteral("codeCarriers"), 0, QStringLiteral("step"), QStringLiteral("step-9"));
        }) << qint64(0) << QStringLiteral("codeCarriers[0].step: no step has the id \"step-9\"");
        QTest::newRow("code that is no CTI error") << edited([](QJsonObject &r) {
            r = changedAt(r, QStringLiteral("codes"), 0, QStringLiteral("code"), QStringLiteral("0x1234"));
        }) << qint64(0) << QStringLiteral("codes[0].code: \"0x1234\" is no CTI error code");
        QTest::newRow("step defined twice") << edited([](QJsonObject &r) {
            r = changedAt(r, QStringLiteral("steps"), 1, QStringLiteral("id"), QStringLiteral("provider-open-request"));
        }) << qint64(0) << QStringLiteral("steps[1].id: step \"provider-open-request\" is defined twice");
        QTest::newRow("step between unknown lanes") << edited([](QJsonObject &r) {
            r = changedAt(r, QStringLiteral("steps"), 0, QStringLiteral("from"), QStringLiteral("Printer"));
        }) << qint64(0) << QStringLiteral("steps[0]: \"from\" and \"to\" must name lanes");
        QTest::newRow("cause without action") << edited([](QJsonObject &r) {
            r = changedAt(r, QStringLiteral("causes"), 3, QStringLiteral("action"), QJsonValue::Undefined);
        }) << qint64(0) << QStringLiteral("causes[3].action: a non-empty string is needed");
        QTest::newRow("the flow-stopped cause removed") << edited([](QJsonObject &r) {
            QJsonArray causes = r[QStringLiteral("causes")].toArray();
            causes.removeLast();
            r[QStringLiteral("causes")] = causes;
        }) << qint64(0) << QStringLiteral("the cause \"flow-stopped\" is needed");
    }

    void malformedRulesAreRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, line);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = writeRules(dir, text);
        Problem problem;
        QVERIFY(!loadRules(path, &problem));
        QCOMPARE(problem.file, path);
        QCOMPARE(problem.line, line);
        QVERIFY2(problem.reason.contains(reason), qPrintable(problem.reason));
        QCOMPARE(problem.severity, Problem::Severity::Error);
    }

    void missingRulesFileIsRefused()
    {
        Problem problem;
        QVERIFY(!loadRules(QStringLiteral("/nonexistent/rules.json"), &problem));
        QVERIFY(problem.reason.contains(QLatin1String("cannot read")));
    }

    // Field keys are the user's to choose. A text without the byte that every key holds cannot hold
    // a field and is not searched: keys without '=' (which the built-in ones all have) still work.
    void fieldKeysOfAnyShape_data()
    {
        QTest::addColumn<QList<QByteArray>>("loginKeys");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("login");
        QTest::addColumn<char>("common");
        QTest::newRow("built-in keys") << builtinRules().fields.value(QStringLiteral("login"))
                                       << QByteArray("provider=UCProvider login=wwhite heartbeat=60")
                                       << QStringLiteral("wwhite") << '=';
        QTest::newRow("a key without '='")
            << QList<QByteArray>{"authenticated user: "} << QByteArray(" Successfully authenticated user: wwhite")
            << QStringLiteral("wwhite") << 'e';
        QTest::newRow("no byte in common")
            << QList<QByteArray>{"Uid:"} << QByteArray("LDAP Uid: wwhite") << QStringLiteral("wwhite") << '\0';
        QTest::newRow("the line lacks the common byte")
            << builtinRules().fields.value(QStringLiteral("login")) << QByteArray("login wwhite") << QString() << '=';
    }
    void fieldKeysOfAnyShape()
    {
        QFETCH(QList<QByteArray>, loginKeys);
        QFETCH(QByteArray, line);
        QFETCH(QString, login);
        QFETCH(char, common);
        Rules rules = builtinRules();
        rules.fields[QStringLiteral("login")] = loginKeys;
        if (common == '\0') { // keys of the other fields that share nothing with "Uid:"
            rules.fields[QStringLiteral("device")] = {"SEP="};
            rules.fields[QStringLiteral("providerId")] = {"#"};
        }
        const FieldKeys keys(rules);
        QCOMPARE(keys.common, common);
        SessionWork work(rules, keys);
        const QByteArray record = QByteArray("00895261.095 |08:59:17.171 |AppInfo |") + line;
        work.match(PatternRole::Signature, 0, RecordIndex{1}, 0, record);
        QCOMPARE(work.session.login, login);
    }

    // A user names a code the built-in rules do not know, without rebuilding.
    void userRulesAddACause()
    {
        QTemporaryDir dir;
        const QString path = writeRules(
            dir, edited([](QJsonObject &r) {
                QJsonArray causes = r[QStringLiteral("causes")].toArray();
                causes.append(
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("ip-addressing-mismatch")},
                                {QStringLiteral("title"), QStringLiteral("IPv4/IPv6 mismatch")},
                                {QStringLiteral("explanation"), QStringLiteral("Addressing modes differ.")},
                                {QStringLiteral("action"), QStringLiteral("Check the Common Device Configuration.")}});
                r[QStringLiteral("causes")] = causes;
                QJsonArray codes = r[QStringLiteral("codes")].toArray();
                codes.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("-1932787469")},
                                         {QStringLiteral("cause"), QStringLiteral("ip-addressing-mismatch")}});
                r[QStringLiteral("codes")] = codes;
            }));
        Problem problem;
        const auto rules = loadRules(path, &problem);
        QVERIFY2(rules, qPrintable(problem.toString()));
        const auto store =
            Test::storeOf(QStringLiteral("u"), Test::readFixture(QStringLiteral("cause-unknown-cti-error.txt")));
        QCOMPARE(Test::verdicts(analyzeSessions(*store, *rules)),
                 QStringLiteral("failed:ip-addressing-mismatch@device-open-response:0x8CCC00F3"));
        QCOMPARE(Test::verdicts(analyzeSessions(*store)),
                 QStringLiteral("failed:unknown-cti-error@device-open-response:0x8CCC00F3"));
    }

    void errorCodeSpellings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<quint32>("code");
        QTest::newRow("lower-case hex in AppError") << QByteArray("isDeviceOpenValid error=0x8ccc00d2") << 0x8CCC00D2u;
        QTest::newRow("unsigned decimal in FailureResponse")
            << QByteArray("result=2362179794 description=") << 0x8CCC00D2u;
        QTest::newRow("signed decimal in an alarm") << QByteArray("Reason code.:-1932787595 IPAddress") << 0x8CCC0075u;
        QTest::newRow("upper-case hex") << QByteArray("reason: 0x8CCC0060") << 0x8CCC0060u;
        QTest::newRow("no expiry is no code") << QByteArray("Expire days=4294967295") << 0u;
        QTest::newRow("provider id is no code") << QByteArray("provider id=16777223") << 0u;
        QTest::newRow("success is no code") << QByteArray("mOpenResult=0x0") << 0u;
        QTest::newRow("longer hex is no code") << QByteArray("ptr=0x8ccc00d2ff") << 0u;
    }

    void errorCodeSpellings()
    {
        QFETCH(QByteArray, text);
        QFETCH(quint32, code);
        const auto found = findCtiErrorCode(text);
        QCOMPARE(found.value_or(0), code);
        if (code) {
            QCOMPARE(parseCtiErrorCode(ctiErrorHex(code).toLatin1()), code);
            QCOMPARE(parseCtiErrorCode(ctiErrorUnsigned(code).toLatin1()), code);
            QCOMPARE(parseCtiErrorCode(ctiErrorSigned(code).toLatin1()), code);
        }
    }
};

QTEST_GUILESS_MAIN(TestFlowRules)
#include "tst_flowrules.moc"
