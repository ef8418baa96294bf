// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "traceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace CtiFlow {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int runAnalyze(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Analyse CUCM CTI Manager SDL traces and print the Jabber CTI login sessions found."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QCoreApplication::translate("main", "Trace files, folders or archives."),
                                 QStringLiteral("PATH..."));
    parser.process(arguments);
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        err() << QCoreApplication::translate("main", "ctiflow analyze: give at least one trace file, folder or archive")
              << Qt::endl;
        return 2;
    }
    const auto store = loadTraces(paths);
    for (const Problem &problem : store->problems())
        err() << severityName(problem.severity) << ": " << problem.toString() << Qt::endl;
    if (store->recordCount() == 0) {
        err() << QCoreApplication::translate("main", "ctiflow analyze: no trace records could be read") << Qt::endl;
        return 1;
    }
    out() << QCoreApplication::translate("main", "%1 records in %2 file(s)")
                 .arg(store->recordCount())
                 .arg(store->fileCount())
          << Qt::endl;
    return 0;
}

} // namespace

void setApplicationInfo()
{
    QCoreApplication::setApplicationName(QStringLiteral("ctiflow"));
    QCoreApplication::setOrganizationName(QStringLiteral("ctiflow"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CTIFLOW_VERSION));
}

bool isSubCommand(const char *argument)
{
    return std::strcmp(argument, "analyze") == 0;
}

void describeGuiCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "CTI Flow: see where a Jabber desk-phone control login broke, from CUCM CTI Manager traces.\n\n"
                "Commands:\n"
                "  analyze PATH...   print the CTI login sessions found (see ctiflow analyze --help)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QCoreApplication::translate("main", "Trace files, folders or archives to open."),
                                 QStringLiteral("[PATH...]"));
}

int runSubCommand(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    QStringList rest = arguments;
    rest.removeAt(1);
    rest[0] = rest[0] + QLatin1Char(' ') + command;
    if (command == QLatin1String("analyze"))
        return runAnalyze(rest);
    return 2;
}

} // namespace CtiFlow
