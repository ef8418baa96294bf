// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The session list as a table for spreadsheets: cells, quoting, the formula guard, redaction, and
// the file written for the window's File > Export Session List.
#include "analyzer.h"
#include "ctierror.h"
#include "flowtext.h"
#include "redactor.h"
#include "sessionjson.h"
#include "sessiontable.h"
#include "traceloader.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

// Reads CSV as RFC 4180 writes it: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(cell);
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

struct Bundle
{
    std::shared_ptr<TraceStore> store;
    QList<Session> sessions;
};

Bundle analyzed(const QString &path)
{
    Bundle bundle;
    bundle.store = loadTraces({path});
    bundle.sessions = analyzeSessions(*bundle.store);
    return bundle;
}

QString flowFixture(const char *name)
{
    return QStringLiteral(CTIFLOW_TEST_DATA "/flow/") + QLatin1String(name);
}

} // namespace

class TestSessionTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cells_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("tsv");
        QTest::newRow("plain") << QStringLiteral("wwhite") << QStringLiteral("wwhite") << QStringLiteral("wwhite");
        QTest::newRow("comma") << QStringLiteral("1,200,13,8") << QStringLiteral("\"1,200,13,8\"")
                               << QStringLiteral("1,200,13,8");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"")
                               << QStringLiteral("say \"hi\"");
        QTest::newRow("line break") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"") << QStringLiteral("a b");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("a\tb") << QStringLiteral("a b");
        QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"")
                                 << QStringLiteral("'=HYPERLINK(\"x\")");
        QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1") << QStringLiteral("'+1");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("minus before a letter")
            << QStringLiteral("-cmd") << QStringLiteral("'-cmd") << QStringLiteral("'-cmd");
        QTest::newRow("negative number") << QStringLiteral("-1932787616") << QStringLiteral("-1932787616")
                                         << QStringLiteral("-1932787616");
        QTest::newRow("empty") << QString() << QString() << QString();
    }
    void cells()
    {
        QFETCH(QString, value);
        QFETCH(QString, csv);
        QFETCH(QString, tsv);
        QCOMPARE(tableCell(value, TableFormat::Csv), csv);
        QCOMPARE(tableCell(value, TableFormat::Tsv), tsv);
    }

    // One row per session under the header, every row as wide as the header, the verdict and the
    // cause's code in its three spellings, and where to look in the trace.
    void rowsOfABundle()
    {
        const Bundle bundle = analyzed(flowFixture("retry-after-failure.txt"));
        QCOMPARE(bundle.sessions.size(), 3);
        Redactor plain(false);
        const QByteArray table = sessionTable(bundle.sessions, bundle.store.get(), plain, TableFormat::Csv);
        QVERIFY(table.endsWith("\r\n"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(table));
        QCOMPARE(rows.size(), 4);
        const QStringList header = sessionTableHeader();
        QCOMPARE(rows.first(), header);
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), header.size());
        const auto cell = [&](int row, const char *column) { return rows[row][header.indexOf(QLatin1String(column))]; };
        const QRegularExpression startOnDay(QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}$"));
        for (int s = 0; s < bundle.sessions.size(); ++s) {
            const Session &session = bundle.sessions[s];
            const int row = s + 1;
            QCOMPARE(cell(row, "number"), QString::number(session.number));
            QCOMPARE(cell(row, "user"), session.login);
            QCOMPARE(cell(row, "connection"), session.connection);
            QCOMPARE(cell(row, "outcome"), outcomeId(session.outcome));
            // The day is the files' own (their modification day where the lines carry none).
            QVERIFY2(startOnDay.match(cell(row, "start")).hasMatch(), qPrintable(cell(row, "start")));
            QVERIFY(cell(row, "start").endsWith(QLatin1Char(' ') + timeOfDayText(session.firstMs)));
            QVERIFY(cell(row, "end").endsWith(QLatin1Char(' ') + timeOfDayText(session.lastMs)));
            QCOMPARE(cell(row, "duration_ms"), QString::number(session.lastMs - session.firstMs));
            const int failed = session.failedStepIndex();
            QCOMPARE(cell(row, "failed_step"), failed >= 0 ? session.steps[failed].id : QString());
            if (session.outcome != Outcome::Failed) {
                QVERIFY(cell(row, "cause").isEmpty());
                QCOMPARE(cell(row, "evidence"), recordLocation(*bundle.store, session.records.first()));
                continue;
            }
            QCOMPARE(cell(row, "cause"), session.cause->id);
            QCOMPARE(cell(row, "cause_title"), session.cause->title);
            QCOMPARE(cell(row, "evidence"), recordLocation(*bundle.store, session.cause->evidence.first()));
            QVERIFY(session.cause->code.has_value());
            QCOMPARE(cell(row, "code"), ctiErrorHex(*session.cause->code));
            QCOMPARE(cell(row, "code_unsigned"), ctiErrorUnsigned(*session.cause->code));
            QCOMPARE(cell(row, "code_signed"), ctiErrorSigned(*session.cause->code));
        }
        QCOMPARE(cell(1, "outcome"), QStringLiteral("failed"));
    }

    // A trace with dates gives dates; slow steps are named.
    void datesAndSlowSteps()
    {
        const Bundle dated = analyzed(QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1"));
        QVERIFY(!dated.sessions.isEmpty());
        Redactor plain(false);
        QStringList row = sessionTableRow(dated.sessions.first(), dated.store.get(), plain);
        const QStringList header = sessionTableHeader();
        QVERIFY2(row[header.indexOf(QStringLiteral("start"))].startsWith(QStringLiteral("2026-12-04 08:00:")),
                 qPrintable(row.join(u'|')));

        const Bundle slow = analyzed(flowFixture("slow-ldap-user-bind.txt"));
        QCOMPARE(slow.sessions.size(), 1);
        row = sessionTableRow(slow.sessions.first(), slow.store.get(), plain);
        QCOMPARE(row[header.indexOf(QStringLiteral("slow_steps"))], QStringLiteral("ldap-user-bind"));
    }

    // Redacted, no user or device of any session is left, and one user is the same placeholder in
    // every row.
    void redacted()
    {
        const Bundle bundle = analyzed(QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1"));
        Redactor redactor(true);
        const QString table =
            QString::fromUtf8(sessionTable(bundle.sessions, bundle.store.get(), redactor, TableFormat::Csv));
        QStringList logins;
        for (const Session &session : bundle.sessions) {
            QVERIFY2(session.login.isEmpty() || !table.contains(session.login), qPrintable(session.login));
            for (const QString &device : session.devices)
                QVERIFY2(!table.contains(device), qPrintable(device));
            logins.append(session.login);
        }
        const QList<QStringList> rows = parseCsv(table);
        const int user = int(sessionTableHeader().indexOf(QStringLiteral("user")));
        QCOMPARE(rows.size(), bundle.sessions.size() + 1);
        for (int a = 0; a < bundle.sessions.size(); ++a) {
            for (int b = 0; b < bundle.sessions.size(); ++b) {
                if (logins[a].isEmpty() || logins[b].isEmpty())
                    continue;
                QCOMPARE(rows[a + 1][user] == rows[b + 1][user], logins[a] == logins[b]);
            }
        }
    }

    // The file starts with a byte order mark for spreadsheets and then holds the table; a file that
    // cannot be written says why and leaves nothing behind.
    void writtenFile()
    {
        const Bundle bundle = analyzed(flowFixture("interleaved-three-users.txt"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sessions.csv"));
        QString error;
        QVERIFY2(writeSessionTable(path, bundle.sessions, bundle.store.get(), false, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        Redactor plain(false);
        QCOMPARE(bytes.mid(3), sessionTable(bundle.sessions, bundle.store.get(), plain, TableFormat::Csv));

        const QString missing = dir.filePath(QStringLiteral("no/such/folder/sessions.csv"));
        QVERIFY(!writeSessionTable(missing, bundle.sessions, bundle.store.get(), false, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(missing));
    }
};

QTEST_GUILESS_MAIN(TestSessionTable)
#include "tst_sessiontable.moc"
