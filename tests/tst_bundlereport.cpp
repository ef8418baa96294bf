// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The report of many logins for a ticket: counts, failures grouped by cause, what to change, every login.
#include "analyzer.h"
#include "bundlereport.h"
#include "redactor.h"
#include "traceloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(CTIFLOW_TEST_DATA "/flow/") + QLatin1String(name);
}

struct Bundle
{
    std::shared_ptr<TraceStore> store;
    QList<Session> sessions;
};

// Two logins refused for a wrong password (jking's, and the same login as another user's), one for a
// user not enabled for CTI, and the three logins of the retry fixture.
Bundle bundle()
{
    Bundle b;
    b.store = loadTraces({fixture("cause-invalid-credentials.txt"), fixture("cause-not-cti-enabled.txt")});
    b.sessions = analyzeSessions(*b.store);
    Session again = b.sessions.first();
    again.number = 9;
    again.login = QStringLiteral("mcrane");
    b.sessions.append(again);
    return b;
}

qsizetype count(const QString &text, const QString &part)
{
    return text.count(part);
}

} // namespace

class TestBundleReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failuresGroupedByCause()
    {
        const Bundle b = bundle();
        QCOMPARE(b.sessions.size(), 3);
        QCOMPARE(b.sessions[0].cause->id, QStringLiteral("invalid-credentials"));
        Redactor none(false);
        const QString report = bundleReport(b.sessions, b.store.get(), none);
        QVERIFY2(
            report.startsWith(QStringLiteral("# CTI login report\n\n3 logins: 0 succeeded, 3 failed, 0 incomplete, "
                                             "from ")),
            qPrintable(report));
        // The cause of two logins comes first, with both users; then the other.
        const qsizetype wrong = report.indexOf(QStringLiteral("| %1 | 0x8CCC0060").arg(b.sessions[0].cause->title));
        const qsizetype notEnabled =
            report.indexOf(QStringLiteral("| %1 | 0x8CCC005F").arg(b.sessions[1].cause->title));
        QVERIFY2(wrong > 0 && notEnabled > wrong, qPrintable(report));
        QVERIFY(report.mid(wrong).section(u'\n', 0, 0).contains(QStringLiteral("| 2 | jking, mcrane |")));
        // What to change, once per cause, with an example login and its evidence line.
        QCOMPARE(count(report, QStringLiteral("**What to change:** ")), 2);
        QVERIFY(report.contains(b.sessions[0].cause->action));
        QVERIFY(report.contains(QStringLiteral("Example: login 1 of jking at ")));
        QVERIFY(report.contains(QStringLiteral("```text\n") + fixture("cause-invalid-credentials.txt") + u':'));
        // Every login in the table, the copied one too.
        const QString all = report.mid(report.indexOf(QStringLiteral("## All logins")));
        QCOMPARE(count(all, QStringLiteral("\n| ")), 4); // header and three rows
        QVERIFY(all.contains(QStringLiteral("| 9 | ")));
        QVERIFY(!report.contains(QStringLiteral("## Notes")));
    }

    void notesOnStepsAreListed()
    {
        Bundle b = bundle();
        b.sessions[1].steps[2].note = QStringLiteral("user added to the group | at 10:20");
        Redactor none(false);
        const QString report = bundleReport(b.sessions, b.store.get(), none);
        QVERIFY2(report.contains(
                     QStringLiteral("\n## Notes\n\n- **Login %1 of %2, %3:** user added to the group \\| at 10:20\n")
                         .arg(b.sessions[1].number)
                         .arg(b.sessions[1].login, b.sessions[1].steps[2].label)),
                 qPrintable(report));
        QVERIFY(report.indexOf(QStringLiteral("## Notes")) < report.indexOf(QStringLiteral("## All logins")));
    }

    void successesOnlyHaveNoCauseSections()
    {
        const auto store = loadTraces({fixture("success-excerpt-10.5.txt")});
        const QList<Session> sessions = analyzeSessions(*store);
        Redactor none(false);
        const QString report = bundleReport(sessions, store.get(), none);
        QVERIFY(report.contains(QStringLiteral("1 logins: 1 succeeded, 0 failed, 0 incomplete")));
        QVERIFY(!report.contains(QStringLiteral("## Failures by cause")));
        QVERIFY(report.contains(QStringLiteral("## All logins")));
    }

    void redactedReportNamesNoUser()
    {
        const Bundle b = bundle();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("report.md"));
        QString error;
        QVERIFY2(writeBundleReport(path, b.sessions, b.store.get(), true, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString report = QString::fromUtf8(file.readAll());
        for (const Session &session : b.sessions)
            QVERIFY2(!report.contains(session.login, Qt::CaseInsensitive), qPrintable(session.login));
        QVERIFY(report.contains(QStringLiteral("user-1, user-")));
        QVERIFY(!writeBundleReport(dir.filePath(QStringLiteral("no/such/folder/report.md")), b.sessions, b.store.get(),
                                   false, &error));
        QVERIFY(error.contains(QStringLiteral("report.md")));
    }
};

QTEST_GUILESS_MAIN(TestBundleReport)
#include "tst_bundlereport.moc"
