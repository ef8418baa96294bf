// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzer.h"
#include "stepnotes.h"
#include "traceloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString fixture = QStringLiteral(CTIFLOW_TEST_DATA "/export/ldap-user-bind-failed.sdl.txt");

struct Run
{
    int exitCode = -1;
    QString errors;
};

Run ctiflow(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    // The notes the user wrote in the window stay out of the tests' exports.
    static const QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CTIFLOW_EXECUTABLE), arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError())};
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEachFormat_data();
    void writesEachFormat();
    void existingFileKeptWithoutForce();
    void redactedMarkdownHoldsNoOriginals();
    void traceFromStandardInput();
    void notesOnSteps();
    void everyFailedSession();
    void wrongUsage_data();
    void wrongUsage();
};

void TestExportCommand::writesEachFormat_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("png from the extension") << QStringList{} << "flow.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << QStringList{} << "flow.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << QStringList{} << "flow.pdf" << QByteArray("%PDF");
    QTest::newRow("mermaid") << QStringList{} << "flow.mmd" << QByteArray("sequenceDiagram");
    QTest::newRow("plantuml") << QStringList{} << "flow.puml" << QByteArray("@startuml");
    QTest::newRow("markdown") << QStringList{} << "flow.md" << QByteArray("# CTI login 1");
    QTest::newRow("html") << QStringList{} << "flow.html" << QByteArray("<!DOCTYPE html>");
    QTest::newRow("trace excerpt") << QStringList{} << "login.txt" << QByteArray("00895255.002 |08:59:16.944 |");
    QTest::newRow("format option beats the extension") << QStringList{QStringLiteral("--format"), QStringLiteral("mmd")}
                                                       << "flow.txt" << QByteArray("sequenceDiagram");
    QTest::newRow("session chosen by user") << QStringList{QStringLiteral("--user"), QStringLiteral("wwhite")}
                                            << "user.md" << QByteArray("# CTI login 1 of wwhite");
}

void TestExportCommand::writesEachFormat()
{
    QFETCH(QStringList, options);
    QFETCH(QString, file);
    QFETCH(QByteArray, start);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QStringList arguments{QStringLiteral("export"), fixture, QStringLiteral("-o"), path};
    if (!options.contains(QStringLiteral("--user")))
        arguments << QStringLiteral("--session") << QStringLiteral("1");
    const Run run = ctiflow(arguments + options);
    QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
    QVERIFY2(contents(path).startsWith(start), contents(path).left(40).constData());
}

void TestExportCommand::existingFileKeptWithoutForce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flow.md"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("mine") == 4);
    file.close();
    const QStringList arguments{QStringLiteral("export"), fixture, QStringLiteral("--session"), QStringLiteral("1"),
                                QStringLiteral("-o"),     path};
    const Run refused = ctiflow(arguments);
    QCOMPARE(refused.exitCode, 3);
    QVERIFY(refused.errors.contains(QStringLiteral("exists")));
    QCOMPARE(contents(path), QByteArray("mine"));
    QCOMPARE(ctiflow(arguments + QStringList{QStringLiteral("--force")}).exitCode, 0);
    QVERIFY(contents(path).startsWith("# CTI login"));
}

void TestExportCommand::redactedMarkdownHoldsNoOriginals()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flow.md"));
    const Run run = ctiflow({QStringLiteral("export"), fixture, QStringLiteral("--session"), QStringLiteral("1"),
                             QStringLiteral("--redact"), QStringLiteral("-o"), path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
    const QString text = QString::fromUtf8(contents(path));
    QVERIFY(text.contains(QStringLiteral("## Evidence")));
    for (const char *secret : {"wwhite", "Walter White", "joshlab", "10.10.10.100", "SEP001794625DE5"})
        QVERIFY2(!text.contains(QLatin1String(secret), Qt::CaseInsensitive), secret);
}

// "-" reads the trace from standard input; the evidence names it so.
void TestExportCommand::traceFromStandardInput()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flow.md"));
    const Run run = ctiflow({QStringLiteral("export"), QStringLiteral("-"), QStringLiteral("--session"),
                             QStringLiteral("1"), QStringLiteral("-o"), path},
                            contents(fixture));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
    const QString text = QString::fromUtf8(contents(path));
    QVERIFY(text.startsWith(QStringLiteral("# CTI login 1 of wwhite")));
    QVERIFY(text.contains(QStringLiteral("standard input:")));
}

void TestExportCommand::wrongUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no session chosen") << QStringList{fixture, QStringLiteral("-o"), QStringLiteral("x.md")} << 2;
    QTest::newRow("unknown format") << QStringList{fixture, QStringLiteral("--session"), QStringLiteral("1"),
                                                   QStringLiteral("-o"), QStringLiteral("x.docx")}
                                    << 2;
    QTest::newRow("no such session") << QStringList{fixture, QStringLiteral("--session"), QStringLiteral("9"),
                                                    QStringLiteral("-o"), QStringLiteral("x.md")}
                                     << 1;
}

void TestExportCommand::wrongUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    arguments.replace(arguments.indexOf(arguments.last()), dir.filePath(arguments.last()));
    QCOMPARE(ctiflow(QStringList{QStringLiteral("export")} + arguments).exitCode, exitCode);
}

// The window's notes on steps go into the export; --notes names the file, --no-notes leaves them out.
void TestExportCommand::notesOnSteps()
{
    QTemporaryDir dir;
    const QString notesPath = dir.filePath(QStringLiteral("step-notes.json"));
    const auto store = CtiFlow::loadTraces({fixture});
    const QList<CtiFlow::Session> sessions = CtiFlow::analyzeSessions(*store);
    QCOMPARE(sessions.size(), 1);
    CtiFlow::StepNotes notes;
    QVERIFY(notes.setNote(sessions[0], QStringLiteral("ldap-user-bind"), QStringLiteral("password reset at 09:12")));
    QVERIFY(notes.save(notesPath));

    const QString path = dir.filePath(QStringLiteral("flow.md"));
    const QStringList base{
        QStringLiteral("export"), fixture, QStringLiteral("--session"), QStringLiteral("1"), QStringLiteral("--force"),
        QStringLiteral("-o"),     path};
    Run run = ctiflow(base + QStringList{QStringLiteral("--notes"), notesPath});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
    QVERIFY(contents(path).contains("## Notes\n\n- **Bind as user:** password reset at 09:12\n"));

    run = ctiflow(base + QStringList{QStringLiteral("--notes"), notesPath, QStringLiteral("--no-notes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
    QVERIFY(!contents(path).contains("## Notes"));

    run = ctiflow(base + QStringList{QStringLiteral("--notes"), dir.filePath(QStringLiteral("none.json"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.errors.contains(QStringLiteral("warning: notes not read: ")) &&
                 run.errors.contains(QStringLiteral("none.json: no such file")),
             qPrintable(run.errors));
    QVERIFY(!contents(path).contains("## Notes"));
}

// --all-failed writes one file per failed session into a folder, named by the session.
void TestExportCommand::everyFailedSession()
{
    QTemporaryDir dir;
    const QString bundle = QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1");
    const QString out = dir.filePath(QStringLiteral("failed"));
    Run run = ctiflow({QStringLiteral("export"), bundle, QStringLiteral("--all-failed"), QStringLiteral("--format"),
                       QStringLiteral("md"), QStringLiteral("-o"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
    QVERIFY2(run.errors.contains(QStringLiteral("wrote 4 of 4 failed session(s) to ")), qPrintable(run.errors));
    QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 4);
    QVERIFY(files.contains(QStringLiteral("session-4-lsalamanca1.md")));
    QVERIFY(contents(QDir(out).filePath(QStringLiteral("session-4-lsalamanca1.md"))).startsWith("# CTI login 4 of"));

    // Redacted, the names give no user away; existing files stay without --force.
    run = ctiflow({QStringLiteral("export"), bundle, QStringLiteral("--all-failed"), QStringLiteral("--redact"),
                   QStringLiteral("--format"), QStringLiteral("mmd"), QStringLiteral("-o"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
    QVERIFY(QFileInfo::exists(QDir(out).filePath(QStringLiteral("session-4.mmd"))));
    run = ctiflow({QStringLiteral("export"), bundle, QStringLiteral("--all-failed"), QStringLiteral("--format"),
                   QStringLiteral("md"), QStringLiteral("-o"), out});
    QCOMPARE(run.exitCode, 3);

    run = ctiflow({QStringLiteral("export"), bundle, QStringLiteral("--all-failed"), QStringLiteral("-o"), out});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.errors.contains(QStringLiteral("--all-failed needs --format")));
    run = ctiflow({QStringLiteral("export"), QStringLiteral(CTIFLOW_TEST_DATA "/flow/success-excerpt-10.5.txt"),
                   QStringLiteral("--all-failed"), QStringLiteral("--format"), QStringLiteral("md"),
                   QStringLiteral("-o"), dir.filePath(QStringLiteral("none"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.errors.contains(QStringLiteral("no session failed; nothing written")));
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
