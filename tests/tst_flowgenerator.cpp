// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A generated bundle of many interleaved sessions: every analysed outcome and cause must agree with
// the generator's ground truth.
#include "analyzer.h"
#include "ctierror.h"
#include "traceloader.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

class TestFlowGenerator : public QObject
{
    Q_OBJECT

private:
    static QJsonObject generate(const QString &dir, const QStringList &options)
    {
        QProcess generator;
        generator.start(QStringLiteral(CTIFLOW_GENERATOR), options + QStringList{QStringLiteral("-o"), dir});
        if (!generator.waitForFinished(120000) || generator.exitCode() != 0)
            qWarning() << generator.readAllStandardError();
        QFile truth(dir + QStringLiteral("/ground-truth.json"));
        if (!truth.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(truth.readAll()).object();
    }

    // The connection holds the CUCM node number, so it tells nodes apart however folders are named.
    static QString keyOf(const QString &connection, const QString &handler)
    {
        return connection + QLatin1Char('|') + handler;
    }

    // Lists the differences between the analysis and the ground truth, at most a few.
    static QStringList compare(const QList<Session> &sessions, const QJsonArray &truth)
    {
        QHash<QString, const Session *> found;
        for (const Session &session : sessions)
            found.insert(keyOf(session.connection, session.handler), &session);
        QStringList differences;
        if (sessions.size() != truth.size())
            differences << QStringLiteral("%1 sessions found, %2 generated").arg(sessions.size()).arg(truth.size());
        for (const QJsonValue &value : truth) {
            const QJsonObject expected = value.toObject();
            const QString key = keyOf(expected[QStringLiteral("connection")].toString(),
                                      expected[QStringLiteral("handler")].toString());
            const Session *session = found.value(key);
            const QString name = QStringLiteral("session %1 (%2, %3)")
                                     .arg(expected[QStringLiteral("number")].toInt())
                                     .arg(key, expected[QStringLiteral("cause")].toString());
            if (!session) {
                differences << name + QStringLiteral(": not found");
            } else if (outcomeId(session->outcome) != expected[QStringLiteral("outcome")].toString()) {
                differences << name + QStringLiteral(": outcome %1").arg(outcomeId(session->outcome)) +
                                   (session->cause ? QStringLiteral(" cause ") + session->cause->id : QString());
            } else if ((session->cause ? session->cause->id : QString()) !=
                       expected[QStringLiteral("cause")].toString()) {
                differences << name + QStringLiteral(": cause %1").arg(session->cause ? session->cause->id : QString());
            } else if (!expected[QStringLiteral("code")].isNull() &&
                       (!session->cause->code ||
                        ctiErrorHex(*session->cause->code) != expected[QStringLiteral("code")].toString())) {
                differences << name + QStringLiteral(": code %1")
                                          .arg(session->cause->code ? ctiErrorHex(*session->cause->code) : QString());
            } else if (session->login != expected[QStringLiteral("login")].toString()) {
                differences << name + QStringLiteral(": login %1").arg(session->login);
            }
            if (differences.size() > 12)
                break;
        }
        return differences;
    }

private Q_SLOTS:
    void everySessionAgreesWithGroundTruth_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("10000 sessions on three nodes, both numberings, padded and collapsed")
            << QStringList{QStringLiteral("--sessions"),  QStringLiteral("10000"),
                           QStringLiteral("--nodes"),     QStringLiteral("3"),
                           QStringLiteral("--noise"),     QStringLiteral("0.05"),
                           QStringLiteral("--file-size"), QStringLiteral("8000000"),
                           QStringLiteral("--seed"),      QStringLiteral("7")};
        QTest::newRow("400 sessions in small rotated files buried in other traffic, zipped")
            << QStringList{QStringLiteral("--sessions"),  QStringLiteral("400"),     QStringLiteral("--nodes"),
                           QStringLiteral("2"),           QStringLiteral("--noise"), QStringLiteral("2"),
                           QStringLiteral("--file-size"), QStringLiteral("200000"),  QStringLiteral("--seed"),
                           QStringLiteral("11")};
    }

    void everySessionAgreesWithGroundTruth()
    {
        QFETCH(QStringList, options);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QJsonObject truth = generate(dir.path(), options);
        const QJsonArray expected = truth[QStringLiteral("sessions")].toArray();
        QVERIFY(!expected.isEmpty());

        const auto store = loadTraces({dir.path()});
        QVERIFY(store->recordCount() > 0);
        const QList<Session> sessions = analyzeSessions(*store);
        const QStringList differences = compare(sessions, expected);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));

        // Every cause of the contract occurs, so that none is tested by absence only.
        QSet<QString> causes;
        for (const Session &session : sessions) {
            if (session.cause)
                causes.insert(session.cause->id);
            if (session.outcome == Outcome::Succeeded)
                QVERIFY(!session.cause);
        }
        QCOMPARE(causes.size(), 19);
    }
};

QTEST_GUILESS_MAIN(TestFlowGenerator)
#include "tst_flowgenerator.moc"
