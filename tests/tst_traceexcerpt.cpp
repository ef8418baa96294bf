// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The trace excerpt of a session: its own records byte for byte, and a trace of its own that gives
// the same verdict when CTI Flow opens it again, redacted or not.
#include "analyzer.h"
#include "flowtext.h"
#include "redactor.h"
#include "traceloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

QByteArray joinedRecords(const TraceStore &store, const Session &session)
{
    QByteArray bytes;
    for (const RecordIndex record : session.records)
        bytes += store.recordText(record).toByteArray() + '\n';
    return bytes;
}

QList<Session> analyzeExcerpt(const QByteArray &excerpt, std::shared_ptr<TraceStore> &store)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("excerpt.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(excerpt) != excerpt.size())
        return {};
    file.close();
    store = loadTraces({path});
    return analyzeSessions(*store);
}

QStringList stepStatuses(const Session &session)
{
    QStringList statuses;
    for (const StepResult &step : session.steps)
        statuses.append(step.id + QLatin1Char('=') + QString::number(int(step.status)) +
                        (step.slow ? QStringLiteral(" slow") : QString()));
    return statuses;
}

} // namespace

class TestTraceExcerpt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameVerdictWhenOpenedAgain_data()
    {
        QTest::addColumn<QString>("trace");
        const QDir flow(QStringLiteral(CTIFLOW_TEST_DATA "/flow"));
        for (const QString &name : flow.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
            // A session whose trace went on without it fails as stopped; its excerpt ends with it.
            if (name != QLatin1String("cause-flow-stopped.txt"))
                QTest::newRow(qPrintable(name)) << flow.filePath(name);
        }
        QTest::newRow("export fixture") << QStringLiteral(CTIFLOW_TEST_DATA "/export/ldap-user-bind-failed.sdl.txt");
        QTest::newRow("bundle of twelve logins") << QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1");
    }
    void sameVerdictWhenOpenedAgain()
    {
        QFETCH(QString, trace);
        const auto store = loadTraces({trace});
        const QList<Session> sessions = analyzeSessions(*store);
        QVERIFY(!sessions.isEmpty());
        for (const Session &session : sessions) {
            Redactor none(false);
            const QByteArray excerpt = traceExcerpt(session, *store, none);
            QCOMPARE(excerpt, joinedRecords(*store, session));
            std::shared_ptr<TraceStore> again;
            const QList<Session> reopened = analyzeExcerpt(excerpt, again);
            QCOMPARE(reopened.size(), 1);
            const Session &copy = reopened.first();
            QCOMPARE(again->recordCount(), session.records.size());
            QCOMPARE(copy.records.size(), session.records.size());
            QCOMPARE(copy.outcome, session.outcome);
            QCOMPARE(copy.cause.has_value(), session.cause.has_value());
            if (session.cause) {
                QCOMPARE(copy.cause->id, session.cause->id);
                QCOMPARE(copy.cause->code, session.cause->code);
            }
            QCOMPARE(copy.login, session.login);
            QCOMPARE(copy.devices, session.devices);
            QCOMPARE(stepStatuses(copy), stepStatuses(session));
        }
    }

    void redactedExcerptIsStillATrace()
    {
        const auto store = loadTraces({QStringLiteral(CTIFLOW_TEST_DATA "/export/ldap-user-bind-failed.sdl.txt")});
        const QList<Session> sessions = analyzeSessions(*store);
        QCOMPARE(sessions.size(), 1);
        Redactor redactor;
        const QByteArray excerpt = traceExcerpt(sessions.first(), *store, redactor);
        for (const char *secret : {"wwhite", "Walter White", "Breaking Bad", "joshlab", "10.10.10.100",
                                   "SEP001794625DE5", "Administrator", "dc01"})
            QVERIFY2(!excerpt.contains(secret), secret);
        QVERIFY(excerpt.contains("user-1"));
        std::shared_ptr<TraceStore> again;
        const QList<Session> reopened = analyzeExcerpt(excerpt, again);
        QCOMPARE(reopened.size(), 1);
        QCOMPARE(reopened.first().outcome, sessions.first().outcome);
        QVERIFY(reopened.first().cause);
        QCOMPARE(reopened.first().cause->id, QStringLiteral("invalid-credentials"));
        QCOMPARE(reopened.first().login, QStringLiteral("user-1"));
    }

    void bytesThatAreNoUtf8KeptUnlessRedacted()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("latin1.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QFile sample(QStringLiteral(CTIFLOW_TEST_DATA "/export/ldap-user-bind-failed.sdl.txt"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QByteArray text = sample.readAll();
        text.replace("Walter White", "Walter Wh\xEFte"); // Latin-1, as some servers write names
        file.write(text);
        file.close();
        const auto store = loadTraces({file.fileName()});
        const QList<Session> sessions = analyzeSessions(*store);
        QCOMPARE(sessions.size(), 1);
        Redactor none(false);
        QVERIFY(traceExcerpt(sessions.first(), *store, none).contains("Walter Wh\xEFte"));
        Redactor redactor;
        const QByteArray redacted = traceExcerpt(sessions.first(), *store, redactor);
        QVERIFY(!redacted.contains("Walter"));
        QVERIFY(QString::fromUtf8(redacted).toUtf8() == redacted); // valid UTF-8 throughout
    }

    void emptyWithoutRecords()
    {
        TraceStore store;
        Session session;
        Redactor none(false);
        QVERIFY(traceExcerpt(session, store, none).isEmpty());
        session.records = {RecordIndex{3}}; // not in the store
        QVERIFY(traceExcerpt(session, store, none).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTraceExcerpt)
#include "tst_traceexcerpt.moc"
