// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A login beside a succeeded one: which reference is offered first, how steps differ, and the panel.
#include "analyzer.h"
#include "comparepanel.h"
#include "sessioncompare.h"
#include "traceloader.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QTest>

using namespace CtiFlow;

namespace {

Session session(int number, const char *login, const char *node, qint64 firstMs, Outcome outcome)
{
    Session s;
    s.number = number;
    s.login = QLatin1String(login);
    s.node = QLatin1String(node);
    s.firstMs = firstMs;
    s.outcome = outcome;
    return s;
}

StepResult step(const char *id, StepStatus status, qint64 deltaMs)
{
    StepResult s;
    s.id = QLatin1String(id);
    s.label = QLatin1String(id);
    s.status = status;
    s.deltaMs = deltaMs;
    return s;
}

QList<Session> retrySessions()
{
    const auto store = loadTraces({QStringLiteral(CTIFLOW_TEST_DATA "/flow/retry-after-failure.txt")});
    return analyzeSessions(*store);
}

} // namespace

class TestComparePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referencesSameUserThenNodeThenAny()
    {
        const QList<Session> sessions{
            session(1, "jking", "cucm1", 10'000, Outcome::Failed),
            session(2, "wwhite", "cucm1", 11'000, Outcome::Succeeded),   // same node, nearest
            session(3, "JKING", "cucm2", 90'000, Outcome::Succeeded),    // same user, any case, far
            session(4, "sgoodman", "cucm2", 10'500, Outcome::Succeeded), // other node, nearest of all
            session(5, "jking", "cucm1", 10'100, Outcome::Failed),       // never a reference
            session(6, "jking", "cucm1", 30'000, Outcome::Succeeded),    // same user, nearer
        };
        QCOMPARE(referenceSessions(sessions, 0), (QList<int>{5, 2, 1, 3}));
        QCOMPARE(referenceSessions(sessions, 0, 2), (QList<int>{5, 2}));
        QCOMPARE(referenceSessions(sessions, 5), (QList<int>{2, 1, 3})); // never itself
        QVERIFY(referenceSessions(sessions, 6).isEmpty());
        QVERIFY(referenceSessions(sessions, -1).isEmpty());
    }

    void stepsDiffer_data()
    {
        QTest::addColumn<int>("hereStatus");
        QTest::addColumn<qint64>("hereDelta");
        QTest::addColumn<int>("thereStatus");
        QTest::addColumn<qint64>("thereDelta");
        QTest::addColumn<int>("difference");
        using D = StepComparison::Difference;
        const int passed = int(StepStatus::Passed);
        QTest::newRow("same") << passed << qint64(40) << passed << qint64(35) << int(D::None);
        QTest::newRow("failed here") << int(StepStatus::Failed) << qint64(-1) << passed << qint64(35) << int(D::Status);
        QTest::newRow("missing there") << passed << qint64(5) << int(StepStatus::Missing) << qint64(-1)
                                       << int(D::Status);
        QTest::newRow("neither reached") << int(StepStatus::NotReached) << qint64(-1) << int(StepStatus::NotReached)
                                         << qint64(-1) << int(D::None);
        QTest::newRow("slower") << passed << qint64(1200) << passed << qint64(40) << int(D::Slower);
        QTest::newRow("twice as long, but by little") << passed << qint64(90) << passed << qint64(30) << int(D::None);
        QTest::newRow("faster") << passed << qint64(40) << passed << qint64(1200) << int(D::Faster);
    }
    void stepsDiffer()
    {
        QFETCH(int, hereStatus);
        QFETCH(qint64, hereDelta);
        QFETCH(int, thereStatus);
        QFETCH(qint64, thereDelta);
        QFETCH(int, difference);
        Session here;
        here.steps = {step("ldap-user-bind", StepStatus(hereStatus), hereDelta)};
        Session there;
        there.steps = {step("ldap-connect", StepStatus::Passed, 3),
                       step("ldap-user-bind", StepStatus(thereStatus), thereDelta)};
        const QList<StepComparison> rows = compareSteps(here, there);
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.first().inReference);
        QCOMPARE(int(rows.first().difference), difference);
    }

    void stepTheReferenceLacksIsNoDifference()
    {
        Session here;
        here.steps = {step("line-open", StepStatus::Failed, -1)};
        const QList<StepComparison> rows = compareSteps(here, Session{});
        QCOMPARE(rows.size(), 1);
        QVERIFY(!rows.first().inReference);
        QCOMPARE(rows.first().difference, StepComparison::Difference::None);
    }

    void panelComparesWithTheRetryThatWorked()
    {
        const QList<Session> sessions = retrySessions();
        QCOMPARE(sessions.size(), 3);
        QCOMPARE(sessions[0].outcome, Outcome::Failed);
        ComparePanel panel;
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.showSession(sessions, 0);
        QCOMPARE(panel.referenceBox()->count(), 3); // the two successes, then the textbook
        QCOMPARE(panel.referenceSession(), 1);      // the same user's next try, 4 s later
        QCOMPARE(panel.model()->rowCount(), int(sessions[0].steps.size()));
        const int failed = sessions[0].failedStepIndex();
        QVERIFY(failed >= 0);
        const QString label = sessions[0].steps[failed].label;
        QVERIFY2(panel.summary()->text().contains(label), qPrintable(panel.summary()->text()));
        const QModelIndex difference = panel.model()->index(failed, CompareModel::DifferenceColumn);
        QCOMPARE(difference.data().toString(), QStringLiteral("FAILED here, passed there"));
        QVERIFY(difference.data(Qt::ForegroundRole).isValid());
        QCOMPARE(panel.model()->index(0, CompareModel::DifferenceColumn).data().toString(), QString());

        panel.referenceBox()->setCurrentIndex(1); // the third session instead
        QCOMPARE(panel.referenceSession(), 2);
        QVERIFY(panel.summary()->text().contains(label));

        panel.showSession(sessions, 1); // a success beside the other success
        QCOMPARE(panel.referenceSession(), 2);
        QVERIFY(panel.summary()->text().startsWith(QStringLiteral("Same steps")));

        panel.showSession(sessions, -1);
        QCOMPARE(panel.model()->rowCount(), 0);
        // No login of the bundle succeeded: the textbook login is the reference.
        panel.showSession({sessions[0]}, 0);
        QCOMPARE(panel.referenceBox()->count(), 1);
        QCOMPARE(panel.referenceSession(), ComparePanel::textbookReference);
        QCOMPARE(panel.model()->rowCount(), int(sessions[0].steps.size()));
        QVERIFY2(panel.summary()->text().startsWith(QStringLiteral("No login of this bundle succeeded; beside the "
                                                                   "textbook login")) &&
                     panel.summary()->text().contains(label),
                 qPrintable(panel.summary()->text()));
        QCOMPARE(panel.model()->index(failed, CompareModel::DifferenceColumn).data().toString(),
                 QStringLiteral("FAILED here, passed there"));
    }

    // Cisco's published trace, shipped and analysed with the built-in rules: a login that worked.
    void textbookLoginSucceeded()
    {
        const Session &textbook = textbookLogin();
        QCOMPARE(textbook.outcome, Outcome::Succeeded);
        QCOMPARE(textbook.login, QStringLiteral("wwhite"));
        QVERIFY(!textbook.cause);
        QCOMPARE(&textbookLogin(), &textbook); // analysed once
    }
};

QTEST_MAIN(TestComparePanel)
#include "tst_comparepanel.moc"
