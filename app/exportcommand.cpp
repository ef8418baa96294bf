// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include "analyzer.h"
#include "emptyhint.h"
#include "flowexport.h"
#include "rules.h"
#include "standardinput.h"
#include "stepnotes.h"
#include "traceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>

namespace CtiFlow {

namespace {

enum ExitStatus
{
    Written = 0,
    NothingRead = 1,
    Usage = 2,
    NotWritten = 3,
};

QString tr(const char *text)
{
    return QCoreApplication::translate("export", text);
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        tr("Write one CTI login session's flow for a support ticket.\n\n"
           "Choose the session with --session (its number in 'ctiflow analyze') or --user (that user's latest "
           "failed session, else the latest one). The format comes from --format or the output file's "
           "extension: png, svg, pdf, mmd (Mermaid), puml (PlantUML), md (Markdown report), html or txt (the "
           "session's own trace records, a trace excerpt that CTI Flow opens again).\n\n"
           "Exit status: 0 written; 1 no trace records could be read or no such session; 2 wrong usage; "
           "3 the file could not be written (or exists and --force was not given)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 tr("Trace files, folders or archives; - reads the trace from standard input."),
                                 QStringLiteral("PATH..."));
    parser.addOptions({
        {{QStringLiteral("s"), QStringLiteral("session")},
         tr("Session number, as listed by 'ctiflow analyze'."),
         QStringLiteral("N")},
        {{QStringLiteral("u"), QStringLiteral("user")}, tr("The session of this user id."), QStringLiteral("USER")},
        {QStringLiteral("all-failed"),
         tr("Every failed session, one file each in the folder given with -o (made when missing), named "
            "session-N-USER.EXT (session-N.EXT when redacted); needs --format.")},
        {{QStringLiteral("f"), QStringLiteral("format")},
         tr("png, svg, pdf, mmd, puml, md, html or txt."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("redact"),
         tr("Replace user ids, names, domains, IP addresses, host and device names with stable placeholders.")},
        {QStringLiteral("scale"), tr("Pixel scale of a PNG (default 1; 2 for high-DPI)."), QStringLiteral("FACTOR"),
         QStringLiteral("1")},
        {{QStringLiteral("o"), QStringLiteral("output")}, tr("File to write."), QStringLiteral("FILE")},
        {QStringLiteral("force"), tr("Replace the output file if it exists.")},
        {QStringLiteral("rules"), tr("Use this rules file instead of the built-in one."), QStringLiteral("FILE")},
        {QStringLiteral("notes"),
         tr("Take the notes on steps from this file (default: the notes written in the CTI Flow window)."),
         QStringLiteral("FILE")},
        {QStringLiteral("no-notes"), tr("Leave the notes on steps out.")},
    });
}

// The session the options name, or -1 with a message.
int chooseSession(const QList<Session> &sessions, const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("session"))) {
        bool ok = false;
        const int number = parser.value(QStringLiteral("session")).toInt(&ok);
        for (int i = 0; ok && i < sessions.size(); ++i) {
            if (sessions[i].number == number)
                return i;
        }
        err() << tr("ctiflow export: no session %1; %2 session(s) found")
                     .arg(parser.value(QStringLiteral("session")))
                     .arg(sessions.size())
              << Qt::endl;
        return -1;
    }
    const QString user = parser.value(QStringLiteral("user"));
    int chosen = -1;
    for (int i = 0; i < sessions.size(); ++i) {
        if (sessions[i].login.compare(user, Qt::CaseInsensitive) != 0)
            continue;
        const bool failed = sessions[i].outcome == Outcome::Failed;
        if (chosen < 0 || failed || sessions[chosen].outcome != Outcome::Failed)
            chosen = i;
    }
    if (chosen < 0)
        err() << tr("ctiflow export: no session of user %1").arg(user) << Qt::endl;
    return chosen;
}

std::optional<Rules> rulesFrom(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("rules")))
        return builtinRules();
    Problem problem;
    auto rules = loadRules(parser.value(QStringLiteral("rules")), &problem);
    if (!rules)
        err() << tr("ctiflow export: rules refused: %1").arg(problem.toString()) << Qt::endl;
    return rules;
}

// --all-failed: one file per failed session in the folder.
int writeAllFailed(const QList<Session> &sessions, const TraceStore *store, const ExportRequest &request,
                   const QString &folder, bool overwrite)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    const auto failed = std::count_if(sessions.cbegin(), sessions.cend(),
                                      [](const Session &s) { return s.outcome == Outcome::Failed; });
    if (failed == 0) {
        err() << tr("ctiflow export: no session failed; nothing written") << Qt::endl;
        return NothingRead;
    }
    if (!QDir().mkpath(folder)) {
        err() << tr("ctiflow export: cannot make the folder %1").arg(folder) << Qt::endl;
        return NotWritten;
    }
    qsizetype written = 0;
    for (const Session &session : sessions) {
        if (session.outcome != Outcome::Failed)
            continue;
        QString name = QStringLiteral("session-%1").arg(session.number);
        if (!request.redact && !session.login.isEmpty())
            name += QLatin1Char('-') + QString(session.login).replace(unsafe, QStringLiteral("_"));
        const QString path = QDir(folder).filePath(name + QLatin1Char('.') + exportFormatExtension(request.format));
        QString error;
        if (writeExport(session, store, request, path, overwrite, &error))
            ++written;
        else
            err() << QStringLiteral("ctiflow export: ") << error << Qt::endl;
    }
    err() << tr("wrote %1 of %2 failed session(s) to %3").arg(written).arg(failed).arg(folder) << Qt::endl;
    return written == failed ? Written : NotWritten;
}

} // namespace

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    describe(parser);
    parser.process(arguments);

    QStringList paths = parser.positionalArguments();
    const QString output = parser.value(QStringLiteral("output"));
    const bool allFailed = parser.isSet(QStringLiteral("all-failed"));
    if (paths.isEmpty() || output.isEmpty() ||
        int(parser.isSet(QStringLiteral("session"))) + int(parser.isSet(QStringLiteral("user"))) + int(allFailed) !=
            1) {
        err() << tr("ctiflow export: give trace paths, exactly one of --session, --user or --all-failed, and -o FILE")
              << Qt::endl;
        return Usage;
    }
    if (allFailed && !parser.isSet(QStringLiteral("format"))) {
        err() << tr("ctiflow export: --all-failed needs --format (the files are named by the session)") << Qt::endl;
        return Usage;
    }
    const auto format = parser.isSet(QStringLiteral("format"))
                            ? exportFormatFromName(parser.value(QStringLiteral("format")))
                            : exportFormatFromPath(output);
    if (!format) {
        err() << tr("ctiflow export: unknown format; use --format png|svg|pdf|mmd|puml|md|html") << Qt::endl;
        return Usage;
    }
    bool scaleOk = false;
    const qreal scale = parser.value(QStringLiteral("scale")).toDouble(&scaleOk);
    if (!scaleOk || scale <= 0 || scale > 8) {
        err() << tr("ctiflow export: --scale takes a number above 0 and up to 8") << Qt::endl;
        return Usage;
    }
    const auto rules = rulesFrom(parser);
    if (!rules)
        return Usage;

    LoadOptions options;
    takeStandardInput(paths, options);
    const auto store = loadTraces(paths, options);
    for (const Problem &problem : store->problems())
        err() << severityName(problem.severity) << ": " << problem.toString() << Qt::endl;
    if (store->recordCount() == 0) {
        err() << tr("ctiflow export: no trace records could be read") << Qt::endl;
        printWhyEmpty(err(), *store, 0, {});
        return NothingRead;
    }
    QList<Session> sessions = analyzeSessions(*store, *rules);
    printWhyEmpty(err(), *store, sessions.size(), QStringLiteral("ctiflow export: "));
    if (!parser.isSet(QStringLiteral("no-notes"))) {
        StepNotes notes;
        QString error;
        const QString notesPath =
            parser.isSet(QStringLiteral("notes")) ? parser.value(QStringLiteral("notes")) : StepNotes::defaultPath();
        if (parser.isSet(QStringLiteral("notes")) && !QFileInfo::exists(notesPath))
            err() << tr("warning: notes not read: %1: no such file").arg(notesPath) << Qt::endl;
        else if (notes.load(notesPath, &error))
            notes.apply(sessions);
        else
            err() << tr("warning: notes not read: %1").arg(error) << Qt::endl;
    }
    ExportRequest request;
    request.format = *format;
    request.redact = parser.isSet(QStringLiteral("redact"));
    request.scale = scale;
    if (allFailed)
        return writeAllFailed(sessions, store.get(), request, output, parser.isSet(QStringLiteral("force")));
    const int chosen = chooseSession(sessions, parser);
    if (chosen < 0)
        return NothingRead;

    QString error;
    if (!writeExport(sessions[chosen], store.get(), request, output, parser.isSet(QStringLiteral("force")), &error)) {
        err() << QStringLiteral("ctiflow export: ") << error << Qt::endl;
        return NotWritten;
    }
    err() << tr("wrote session %1 (%2, %3) to %4")
                 .arg(sessions[chosen].number)
                 .arg(sessions[chosen].login, outcomeId(sessions[chosen].outcome), output)
          << Qt::endl;
    return Written;
}

} // namespace CtiFlow
