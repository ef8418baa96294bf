// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "traceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstring>
#include <limits>

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

// The reading limits (LoadOptions) as options: --max-decompressed-mib, --max-archive-depth, --max-line-kib.
class LimitOptions
{
public:
    explicit LimitOptions(QCommandLineParser &parser)
    {
        const LoadOptions defaults;
        m_decompressed.setDefaultValue(QString::number(defaults.maxDecompressedBytes / mebi));
        m_depth.setDefaultValue(QString::number(defaults.maxArchiveDepth));
        m_line.setDefaultValue(QString::number(defaults.maxLineBytes / kibi));
        parser.addOptions({m_decompressed, m_depth, m_line});
    }

    // False (and a message on stderr) when a value is no positive number.
    bool read(const QCommandLineParser &parser, LoadOptions &options) const
    {
        return value(parser, m_decompressed, mebi, options.maxDecompressedBytes) &&
               value(parser, m_line, kibi, options.maxLineBytes) && depth(parser, options.maxArchiveDepth);
    }

private:
    static constexpr qint64 kibi = 1024;
    static constexpr qint64 mebi = 1024 * 1024;

    static bool value(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 unit, qint64 &out)
    {
        bool ok = false;
        const qint64 number = parser.value(option).toLongLong(&ok);
        if (!ok || number <= 0 || number > std::numeric_limits<qint64>::max() / unit) {
            err() << "ctiflow analyze: --" << option.names().constFirst() << " needs a positive number" << Qt::endl;
            return false;
        }
        out = number * unit;
        return true;
    }

    bool depth(const QCommandLineParser &parser, int &out) const
    {
        qint64 levels = 0;
        if (!value(parser, m_depth, 1, levels))
            return false;
        out = int(std::min<qint64>(levels, 1000));
        return true;
    }

    QCommandLineOption m_decompressed{
        QStringLiteral("max-decompressed-mib"),
        QCoreApplication::translate("main", "Stop reading inputs once the bundle decompresses to more than <MiB>."),
        QStringLiteral("MiB")};
    QCommandLineOption m_depth{QStringLiteral("max-archive-depth"),
                               QCoreApplication::translate("main", "Open archives nested at most <levels> deep."),
                               QStringLiteral("levels")};
    QCommandLineOption m_line{
        QStringLiteral("max-line-kib"),
        QCoreApplication::translate("main", "Cut trace lines longer than <KiB> (the cut is reported)."),
        QStringLiteral("KiB")};
};

int runAnalyze(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Analyse CUCM CTI Manager SDL traces and print the Jabber CTI login sessions found."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QCoreApplication::translate("main", "Trace files, folders or archives."),
                                 QStringLiteral("PATH..."));
    const LimitOptions limits(parser);
    parser.process(arguments);
    LoadOptions options;
    if (!limits.read(parser, options))
        return 2;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        err() << QCoreApplication::translate("main", "ctiflow analyze: give at least one trace file, folder or archive")
              << Qt::endl;
        return 2;
    }
    const auto store = loadTraces(paths, options);
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
