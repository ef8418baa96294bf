// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `ctiflow analyze` as a user runs it: lines, summary, JSON, filters and exit statuses.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestFlowCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run analyze(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CTIFLOW_EXECUTABLE), QStringList{QStringLiteral("analyze")} + arguments);
        process.waitForFinished(60000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    // Runs "ctiflow analyze" with input on its standard input.
    static Run analyzeInput(const QStringList &arguments, const QByteArray &input)
    {
        QProcess process;
        process.start(QStringLiteral(CTIFLOW_EXECUTABLE), QStringList{QStringLiteral("analyze")} + arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static QString fixture(const char *name)
    {
        return QStringLiteral(CTIFLOW_TEST_DATA "/flow/") + QLatin1String(name);
    }

private Q_SLOTS:
    void exitStatus_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("analysed: one line per session and a summary")
            << QStringList{fixture("retry-after-failure.txt")} << 0
            << QStringLiteral("3 session(s): 2 succeeded, 1 failed, 0 incomplete");
        QTest::newRow("a failed session's line names step and cause")
            << QStringList{fixture("cause-not-cti-enabled.txt")} << 0
            << QStringLiteral("at user-settings-response  not-cti-enabled (0x8CCC005F)");
        QTest::newRow("outcome filter") << QStringList{QStringLiteral("--outcome"), QStringLiteral("succeeded"),
                                                       fixture("retry-after-failure.txt")}
                                        << 0 << QStringLiteral("2 session(s): 2 succeeded, 0 failed");
        QTest::newRow("user filter, any case")
            << QStringList{QStringLiteral("--user"), QStringLiteral("WWHITE"), fixture("interleaved-three-users.txt")}
            << 0 << QStringLiteral("1 session(s): 1 succeeded");
        QTest::newRow("device filter") << QStringList{QStringLiteral("--device"), QStringLiteral("SEP001794625DE5"),
                                                      fixture("interleaved-three-users.txt")}
                                       << 0 << QStringLiteral("1 session(s): 1 succeeded, 0 failed");
        QTest::newRow("sessions from a time of day on")
            << QStringList{QStringLiteral("--from"), QStringLiteral("15:00:03"), fixture("retry-after-failure.txt")}
            << 0 << QStringLiteral("2 session(s): 2 succeeded, 0 failed");
        QTest::newRow("up to a time takes in its whole second")
            << QStringList{QStringLiteral("--to"), QStringLiteral("15:00:04"), fixture("retry-after-failure.txt")} << 0
            << QStringLiteral("2 session(s): 1 succeeded, 1 failed");
        QTest::newRow("up to a minute takes in all of it")
            << QStringList{QStringLiteral("--to"), QStringLiteral("15:00"), fixture("retry-after-failure.txt")} << 0
            << QStringLiteral("3 session(s): 2 succeeded, 1 failed");
        QTest::newRow("a window of one millisecond")
            << QStringList{QStringLiteral("--from"), QStringLiteral("14:00:00.030"), QStringLiteral("--to"),
                           QStringLiteral("14:00:00.030"), fixture("interleaved-three-users.txt")}
            << 0 << QStringLiteral("1 session(s): 0 succeeded, 1 failed");
        QTest::newRow("a date and time before the trace")
            << QStringList{QStringLiteral("--to"), QStringLiteral("2000-01-01 23:59"),
                           fixture("retry-after-failure.txt")}
            << 0 << QStringLiteral("0 session(s)");
        QTest::newRow("from a date and time before the trace")
            << QStringList{QStringLiteral("--from"), QStringLiteral("2000-01-01T00:00:00"),
                           fixture("retry-after-failure.txt")}
            << 0 << QStringLiteral("3 session(s)");
        QTest::newRow("no such time") << QStringList{QStringLiteral("--from"), QStringLiteral("25:00"),
                                                     fixture("retry-after-failure.txt")}
                                      << 2 << QStringLiteral("--from takes HH:MM[:SS[.mmm]]");
        QTest::newRow("nothing readable") << QStringList{QStringLiteral("/nonexistent/trace.txt")} << 1
                                          << QStringLiteral("no trace records could be read");
        QTest::newRow("no path") << QStringList{} << 2 << QStringLiteral("give at least one");
        QTest::newRow("unknown outcome") << QStringList{QStringLiteral("--outcome"), QStringLiteral("maybe"),
                                                        fixture("retry-after-failure.txt")}
                                         << 2 << QStringLiteral("--outcome takes");
        QTest::newRow("rules file refused")
            << QStringList{QStringLiteral("--rules"), fixture("retry-after-failure.txt"),
                           fixture("retry-after-failure.txt")}
            << 3 << QStringLiteral("rules refused: ");
        QTest::newRow("a node's clock shifted")
            << QStringList{QStringLiteral("--shift-clock"), QStringLiteral("cucm1=3600000"),
                           QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1")}
            << 0 << QStringLiteral("09:00:0");
        QTest::newRow("clock shift without a node")
            << QStringList{QStringLiteral("--shift-clock"), QStringLiteral("3600000"),
                           fixture("retry-after-failure.txt")}
            << 2 << QStringLiteral("--shift-clock needs NODE=MS");
        QTest::newRow("clock shift over a day")
            << QStringList{QStringLiteral("--shift-clock"), QStringLiteral("cucm1=90000000"),
                           fixture("retry-after-failure.txt")}
            << 2 << QStringLiteral("at most a day");
        QTest::newRow("a table for a spreadsheet")
            << QStringList{QStringLiteral("--csv"), fixture("retry-after-failure.txt")} << 0
            << QStringLiteral("number,start,end,duration_ms,user,devices,node,connection");
        QTest::newRow("JSON or a table, not both")
            << QStringList{QStringLiteral("--csv"), QStringLiteral("--json"), fixture("retry-after-failure.txt")} << 2
            << QStringLiteral("give one of --json, --csv or --markdown");
        QTest::newRow("redaction is for the table")
            << QStringList{QStringLiteral("--redact"), fixture("retry-after-failure.txt")} << 2
            << QStringLiteral("--redact goes with --csv or --markdown");
        QTest::newRow("a report for a ticket")
            << QStringList{QStringLiteral("--markdown"), QStringLiteral("--redact"), fixture("retry-after-failure.txt")}
            << 0 << QStringLiteral("# CTI login report\n\n3 logins: 2 succeeded, 1 failed, 0 incomplete");
        QTest::newRow("help documents the exit statuses")
            << QStringList{QStringLiteral("--help")} << 0
            << QStringLiteral("3  the rules file given with --rules was refused");
    }

    void exitStatus()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, fragment);
        const Run run = analyze(arguments);
        QCOMPARE(run.status, status);
        const QString all = QString::fromUtf8(run.out + run.err);
        QVERIFY2(all.contains(fragment), qPrintable(all));
    }

    // The table holds the sessions the filters let through, redacted when asked.
    void csvTable()
    {
        const QStringList arguments{QStringLiteral("--csv"), QStringLiteral("--outcome"), QStringLiteral("failed"),
                                    fixture("interleaved-three-users.txt")};
        const Run plain = analyze(arguments);
        QCOMPARE(plain.status, 0);
        const QList<QByteArray> lines = plain.out.split('\n');
        QCOMPARE(lines.size(), 3); // the header, one failed session, the empty rest after the last line end
        QVERIFY(lines[0].startsWith("number,start,"));
        QVERIFY2(lines[1].contains(",failed,") && lines[1].endsWith('\r'), lines[1].constData());
        const QByteArray login = lines[1].split(',').value(4);
        QVERIFY(!login.isEmpty());

        const Run redacted = analyze(QStringList{QStringLiteral("--redact")} + arguments);
        QCOMPARE(redacted.status, 0);
        QVERIFY(!redacted.out.contains(login));
        QVERIFY(redacted.out.contains(",user-1,"));
    }

    // "-" reads the trace from standard input ("xclip -o | ctiflow analyze -"), beside other paths.
    void standardInput()
    {
        QFile trace(fixture("retry-after-failure.txt"));
        QVERIFY(trace.open(QIODevice::ReadOnly));
        const QByteArray text = trace.readAll();
        Run run = analyzeInput({QStringLiteral("-")}, text);
        QCOMPARE(run.status, 0);
        QVERIFY2(run.out.contains("3 session(s): 2 succeeded, 1 failed"), run.out.constData());

        run = analyzeInput({QStringLiteral("--json"), QStringLiteral("-"), fixture("cause-not-cti-enabled.txt")}, text);
        QCOMPARE(run.status, 0);
        const QJsonArray inputs = QJsonDocument::fromJson(run.out).object()[QStringLiteral("inputs")].toArray();
        QCOMPARE(inputs.size(), 2);
        QCOMPARE(inputs[0].toObject()[QStringLiteral("path")].toString(), QStringLiteral("standard input"));
        QVERIFY(inputs[0].toObject()[QStringLiteral("records")].toInt() > 0);
        QCOMPARE(inputs[1].toObject()[QStringLiteral("path")].toString(), fixture("cause-not-cti-enabled.txt"));

        run = analyzeInput({QStringLiteral("-")}, "no trace here\n");
        QCOMPARE(run.status, 1);
        QVERIFY(run.err.contains("standard input: skipped: no SDL trace record"));
    }

    // The window's own options refuse what they cannot use before a window opens.
    void windowOptionsRefuseBadValues()
    {
        QProcess process;
        process.start(
            QStringLiteral(CTIFLOW_EXECUTABLE),
            {QStringLiteral("--rules"), fixture("retry-after-failure.txt"), fixture("retry-after-failure.txt")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 3);
        QVERIFY(process.readAllStandardError().startsWith("ctiflow: rules refused: "));
        process.start(QStringLiteral(CTIFLOW_EXECUTABLE), {QStringLiteral("--select"), QStringLiteral("first")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--select takes a session number, not \"first\""));
    }

    // Inputs without a CTI login say why and what to collect, on standard error.
    void whyNoSession()
    {
        Run run = analyzeInput({QStringLiteral("-")},
                               "2024-03-11 09:15:02,124 ERROR [0x00002a10] [per\\DeskPhoneConnectionContext.cpp(233)] "
                               "[jcf.tel.callcontrol] [DeskPhoneConnectionContext::onFailure] - reason: 0x8ccc0075\n");
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("standard input: skipped: a Jabber client log"), run.err.constData());
        QVERIFY2(run.err.contains("  A Jabber client log shows only what the client was told"), run.err.constData());
        QVERIFY2(run.err.contains("cm/trace/cti/sdl"), run.err.constData());

        run =
            analyzeInput({QStringLiteral("-")}, "00900001.000 |09:10:00.100 |AppInfo |[CTI-APP] CTI HeartbeatRequest ( "
                                                "seq#=44120 )\n");
        QCOMPARE(run.status, 0);
        QVERIFY2(run.out.contains("0 session(s)"), run.out.constData());
        QVERIFY2(run.err.startsWith("ctiflow analyze: No CTI login in these traces\n  1 records from 09:10:00"),
                 run.err.constData());

        // A bundle with logins says nothing of the kind.
        run = analyze({fixture("retry-after-failure.txt")});
        QVERIFY2(!run.err.contains("No CTI login"), run.err.constData());
        QVERIFY2(!run.err.contains("cm/trace/cti/sdl"), run.err.constData());
    }

    void jsonDocument()
    {
        const Run run = analyze({QStringLiteral("--json"), fixture("success-excerpt-10.5.txt")});
        QCOMPARE(run.status, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject input = root[QStringLiteral("inputs")].toArray().first().toObject();
        QCOMPARE(input[QStringLiteral("kind")].toString(), QStringLiteral("cucm-sdl"));
        QCOMPARE(input[QStringLiteral("records")].toInt(), 93);
        const QJsonObject session = root[QStringLiteral("sessions")].toArray().first().toObject();
        QCOMPARE(session[QStringLiteral("login")].toString(), QStringLiteral("wwhite"));
        QCOMPARE(session[QStringLiteral("outcome")].toString(), QStringLiteral("succeeded"));
        QVERIFY(session[QStringLiteral("cause")].isNull());
        const QJsonObject first = session[QStringLiteral("steps")].toArray().first().toObject();
        QCOMPARE(first[QStringLiteral("id")].toString(), QStringLiteral("provider-open-request"));
        QCOMPARE(first[QStringLiteral("time")].toString(), QStringLiteral("08:59:16.944"));
        const QJsonObject record = first[QStringLiteral("records")].toArray().first().toObject();
        QCOMPARE(record[QStringLiteral("line")].toInt(), 1);
        QCOMPARE(record[QStringLiteral("seq")].toString(), QStringLiteral("00895255.002"));
    }
};

QTEST_GUILESS_MAIN(TestFlowCli)
#include "tst_flowcli.moc"
