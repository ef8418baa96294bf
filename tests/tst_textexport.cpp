// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportfixture.h"
#include "flowtext.h"
#include "redactor.h"
#include "traceloader.h"

#include <QFile>
#include <QTest>

using namespace CtiFlow;

namespace {

const QString fixture = QStringLiteral(CTIFLOW_TEST_DATA "/export/ldap-user-bind-failed.sdl.txt");

QString golden(const QString &name, const QString &actual)
{
    const QString path = QStringLiteral(CTIFLOW_TEST_DATA "/export/") + name;
    if (qEnvironmentVariableIsSet("CTIFLOW_REGEN_GOLDEN")) {
        QFile out(path);
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            out.write(actual.toUtf8());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("missing golden file ") + path;
    return QString::fromUtf8(file.readAll());
}

// Originals of the fixture that no redacted export may contain.
const QStringList secrets{QStringLiteral("wwhite"),        QStringLiteral("Walter White"),
                          QStringLiteral("Breaking Bad"),  QStringLiteral("joshlab"),
                          QStringLiteral("10.10.10.100"),  QStringLiteral("SEP001794625DE5"),
                          QStringLiteral("Administrator"), QStringLiteral("dc01")};

void noteOn(Session &session, const QString &stepId, const QString &note)
{
    for (StepResult &step : session.steps) {
        if (step.id == stepId)
            step.note = note;
    }
}

} // namespace

class TestTextExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mermaidMatchesGolden();
    void plantUmlMatchesGolden();
    void markdownHoldsCauseAndEvidence();
    void redactedExportsHoldNoOriginals_data();
    void redactedExportsHoldNoOriginals();
    void redactionIsStable();
    void redactionKeepsProtocolWords_data();
    void redactionKeepsProtocolWords();
    void ctiCodeSpellings();
    void notesOnStepsAreExported();
    void laneNamesAreExported();
    void summaryInAFewSentences();
    void optionalLanesOnlyWhenUsed();
};

void TestTextExport::mermaidMatchesGolden()
{
    Redactor none(false);
    const QString text = mermaidDiagram(failedSession(), none);
    QCOMPARE(text, golden(QStringLiteral("ldap-user-bind-failed.mmd"), text));
    QVERIFY(text.contains(QStringLiteral("Directory-xLDAP: 12 LDAP user bind (FAILED)")));
    QVERIFY(text.contains(QStringLiteral("Note right of LDAP: FAILED: Wrong user id or password")));
}

void TestTextExport::plantUmlMatchesGolden()
{
    Redactor none(false);
    const QString text = plantUmlDiagram(failedSession(), none);
    QCOMPARE(text, golden(QStringLiteral("ldap-user-bind-failed.puml"), text));
    QVERIFY(text.startsWith(QStringLiteral("@startuml\n")));
    QVERIFY(text.contains(QStringLiteral("Directory -[#red]>x LDAP : 12 LDAP user bind (FAILED)")));
}

void TestTextExport::markdownHoldsCauseAndEvidence()
{
    const auto store = loadTraces({fixture});
    QCOMPARE(store->recordCount(), 8);
    Redactor none(false);
    const QString text = markdownReport(failedSession(), store.get(), none);
    QVERIFY(text.contains(QStringLiteral("## Cause: Wrong user id or password")));
    QVERIFY(text.contains(QStringLiteral("**What to change:** Check the password")));
    QVERIFY(text.contains(QStringLiteral("0x8CCC0060 (2362179680, -1932787616)")));
    QVERIFY(text.contains(QStringLiteral("| 12 | LDAP user bind | Directory | LDAP | FAILED |")));
    QVERIFY(text.contains(QStringLiteral("bind failed: INVALID_CREDENTIALS")));
    QVERIFY(text.contains(QStringLiteral("ldap-user-bind-failed.sdl.txt:6")));
    QVERIFY(text.contains(QStringLiteral("slow: LDAP bind took 1.20 s")));
}

void TestTextExport::redactedExportsHoldNoOriginals_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("mermaid") << QStringLiteral("mmd");
    QTest::newRow("plantuml") << QStringLiteral("puml");
    QTest::newRow("markdown with evidence lines") << QStringLiteral("md");
}

void TestTextExport::redactedExportsHoldNoOriginals()
{
    QFETCH(QString, format);
    const auto store = loadTraces({fixture});
    Redactor redactor;
    Session session = failedSession();
    // The engineer's note names the user and the server too.
    noteOn(session, QStringLiteral("ldap-user-bind"), QStringLiteral("wwhite said 10.10.10.100 went down"));
    const QString text = format == QLatin1String("mmd")    ? mermaidDiagram(session, redactor)
                         : format == QLatin1String("puml") ? plantUmlDiagram(session, redactor)
                                                           : markdownReport(session, store.get(), redactor);
    for (const QString &secret : secrets)
        QVERIFY2(!text.contains(secret, Qt::CaseInsensitive), qPrintable(secret + QStringLiteral(" in\n") + text));
    QVERIFY(text.contains(QStringLiteral("user-1")));
    QVERIFY(text.contains(QStringLiteral("device-1")));
    QVERIFY2(text.contains(QStringLiteral("said")) && text.contains(QStringLiteral("went down")), qPrintable(text));
}

void TestTextExport::notesOnStepsAreExported()
{
    Redactor none(false);
    Session session = failedSession();
    QVERIFY(!markdownReport(session, nullptr, none).contains(QStringLiteral("## Notes")));
    noteOn(session, QStringLiteral("ldap-user-bind"), QStringLiteral("LDAP server rebooted | 09:12"));
    QVERIFY2(markdownReport(session, nullptr, none)
                 .contains(QStringLiteral("\n## Notes\n\n- **LDAP user bind:** LDAP server rebooted \\| 09:12\n")),
             qPrintable(markdownReport(session, nullptr, none)));
    QVERIFY(mermaidDiagram(session, none)
                .contains(QStringLiteral("    Note left of Directory: Note: LDAP server rebooted | 09:12\n")));
    QVERIFY(plantUmlDiagram(session, none)
                .contains(QStringLiteral("note left #FFF6D5\nLDAP server rebooted | 09:12\nend note\n")));
}

void TestTextExport::redactionIsStable()
{
    Redactor redactor;
    const QString a = redactor.redact(QStringLiteral("login=wwhite from 10.10.10.100"));
    const QString b = redactor.redact(QStringLiteral("userid is wwhite at 10.10.10.100 and 10.10.10.10"));
    QCOMPARE(a, QStringLiteral("login=user-1 from 192.0.2.1"));
    QCOMPARE(b, QStringLiteral("userid is user-1 at 192.0.2.1 and 192.0.2.2"));
    QCOMPARE(redactor.redact(QStringLiteral("Got DN: CN=Walter White,OU=Breaking Bad,DC=joshlab,DC=net")),
             QStringLiteral("Got DN: CN=person-1,OU=unit-1,DC=dc-1,DC=dc-2"));
}

void TestTextExport::redactionKeepsProtocolWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("signal record") << QStringLiteral(
        "SdlSig |CtiLoginCheckReq |ready |Directory(1,200,23,1) |CTIHandler(1,200,22,7) |1,200,13,8.3^*^*");
    QTest::newRow("handler function") << QStringLiteral("CCMEncryption::DecryptText (Exit) (Success))");
    QTest::newRow("source file name") << QStringLiteral("authenticationLDAP.cpp::authenticateUserWithPassword():enter");
}

void TestTextExport::redactionKeepsProtocolWords()
{
    QFETCH(QString, text);
    Redactor redactor;
    QCOMPARE(redactor.redact(text), text);
}

void TestTextExport::ctiCodeSpellings()
{
    QCOMPARE(formatCtiCode(0x8CCC00D2), QStringLiteral("0x8CCC00D2 (2362179794, -1932787502)"));
}

void TestTextExport::optionalLanesOnlyWhenUsed()
{
    Session session = failedSession();
    QCOMPARE(sessionLanes(session).size(), 5);
    session.steps.append(
        fixtureStep("line-open", "", "Line open", "CTIHandler", "DeviceLineMgr", StepStatus::Passed, 1));
    QCOMPARE(sessionLanes(session).last(), QStringLiteral("DeviceLineMgr"));
}

void TestTextExport::laneNamesAreExported()
{
    const Session session = failedSession();
    const LaneNames names{{QStringLiteral("Directory"), QStringLiteral("Directory (cucm-pub)")}};
    Redactor none(false);
    QVERIFY(mermaidDiagram(session, none, names)
                .contains(QStringLiteral("    participant Directory as Directory (cucm-pub)\n")));
    QVERIFY(mermaidDiagram(session, none, names).contains(QStringLiteral("    participant LDAP\n")));
    QVERIFY(plantUmlDiagram(session, none, names)
                .contains(QStringLiteral("participant \"Directory (cucm-pub)\" as Directory\n")));
    QVERIFY(markdownReport(session, nullptr, none, names)
                .contains(QStringLiteral("| 12 | LDAP user bind | Directory (cucm-pub) | LDAP | FAILED |")));
    // A lane named after a server is redacted with the rest.
    Redactor redactor;
    const QString redacted =
        mermaidDiagram(session, redactor, {{QStringLiteral("LDAP"), QStringLiteral("LDAP 10.10.10.100")}});
    QVERIFY2(!redacted.contains(QStringLiteral("10.10.10.100")) &&
                 redacted.contains(QStringLiteral("participant LDAP as LDAP ")),
             qPrintable(redacted));
}

void TestTextExport::summaryInAFewSentences()
{
    Redactor none(false);
    Session session = failedSession();
    const QString failed = sessionSummary(session, none);
    QVERIFY2(
        failed.startsWith(QStringLiteral("CTI login ")) &&
            failed.contains(QStringLiteral(" failed at LDAP user bind: Wrong user id or password (0x8CCC0060). ")) &&
            failed.contains(QStringLiteral("\nWhat to change: Check the password")),
        qPrintable(failed));
    Redactor redactor;
    QVERIFY(!sessionSummary(session, redactor).contains(QStringLiteral("wwhite")));

    session.outcome = Outcome::Succeeded;
    session.cause.reset();
    for (StepResult &step : session.steps)
        step.status = StepStatus::Passed;
    QVERIFY2(sessionSummary(session, none).contains(QStringLiteral(" succeeded in ")),
             qPrintable(sessionSummary(session, none)));
    session.outcome = Outcome::Incomplete;
    QVERIFY(sessionSummary(session, none)
                .endsWith(
                    QStringLiteral(" is incomplete: the trace shows neither success nor failure (last step seen: %1).")
                        .arg(session.steps.last().label)));
}

QTEST_GUILESS_MAIN(TestTextExport)
#include "tst_textexport.moc"
