// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "exportcommand.h"

#include "analyzer.h"
#include "bundlereport.h"
#include "emptyhint.h"
#include "redactor.h"
#include "rules.h"
#include "sessionjson.h"
#include "sessiontable.h"
#include "standardinput.h"
#include "traceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimeZone>

#include <optional>

#include <ctime>

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

// Exit statuses of "ctiflow analyze", also listed in its --help.
enum ExitStatus
{
    ExitAnalysed = 0,    // the inputs were read and analysed, whatever the sessions' fate
    ExitNothingRead = 1, // no trace record could be read from the inputs
    ExitUsage = 2,       // wrong arguments
    ExitBadRules = 3,    // the --rules file was refused
};

// A --from or --to time: a time of day (any day of the trace) or a date and time.
struct TimeBound
{
    qint64 ms = 0; // since midnight, or since the epoch when withDate
    bool withDate = false;
    qint64 unitMs = 1; // of the last field given: 60,000 for HH:MM, so that --to HH:MM takes in that minute

    static constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

    // The session's start on this bound's scale.
    qint64 startOf(const Session &session) const
    {
        return withDate ? session.firstMs : ((session.firstMs % msPerDay) + msPerDay) % msPerDay;
    }
};

// "HH:MM", "HH:MM:SS", "HH:MM:SS.mmm", each optionally after "YYYY-MM-DD " or "YYYY-MM-DDT". Trace
// times carry no zone; they are read as written, as the sessions' times are.
std::optional<TimeBound> parseTimeBound(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(\\d{4}-\\d{2}-\\d{2})[ T])?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QString millis = match.captured(5);
    const qint64 unit = !millis.isEmpty() ? 1 : match.hasCaptured(4) ? 1000 : 60 * 1000;
    const QTime time(match.captured(2).toInt(), match.captured(3).toInt(), match.captured(4).toInt(),
                     millis.isEmpty() ? 0 : QString(millis + QStringLiteral("00")).left(3).toInt());
    if (!time.isValid())
        return std::nullopt;
    if (match.captured(1).isEmpty())
        return TimeBound{time.msecsSinceStartOfDay(), false, unit};
    const QDate date = QDate::fromString(match.captured(1), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return TimeBound{QDateTime(date, time, QTimeZone::UTC).toMSecsSinceEpoch(), true, unit};
}

struct SessionFilter
{
    QString user;
    QString device;
    QString outcome;
    std::optional<TimeBound> from;
    std::optional<TimeBound> to;

    bool accepts(const Session &session) const
    {
        if (!user.isEmpty() && session.login.compare(user, Qt::CaseInsensitive) != 0)
            return false;
        if (!device.isEmpty() && !session.devices.contains(device, Qt::CaseInsensitive))
            return false;
        if (from && from->startOf(session) < from->ms)
            return false;
        if (to && to->startOf(session) > to->ms + to->unitMs - 1)
            return false;
        return outcome.isEmpty() || outcomeId(session.outcome) == outcome;
    }
};

// CPU time of the whole process (all loading threads) in ms: wall time misleads on a busy machine.
qint64 processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

void printSummary(const QList<Session> &sessions)
{
    QMap<QString, int> outcomes;
    QMap<QString, int> causes;
    for (const Session &session : sessions) {
        ++outcomes[outcomeId(session.outcome)];
        if (session.cause)
            ++causes[session.cause->id];
    }
    out() << QCoreApplication::translate("main", "%n session(s): ", nullptr, int(sessions.size()))
          << QCoreApplication::translate("main", "%1 succeeded, %2 failed, %3 incomplete")
                 .arg(outcomes.value(QStringLiteral("succeeded")))
                 .arg(outcomes.value(QStringLiteral("failed")))
                 .arg(outcomes.value(QStringLiteral("incomplete")))
          << Qt::endl;
    for (auto it = causes.cbegin(); it != causes.cend(); ++it)
        out() << "  " << it.key() << ": " << it.value() << Qt::endl;
}

QString analyzeHelp()
{
    return QCoreApplication::translate(
        "main", "Analyse CUCM CTI Manager SDL traces and print the Jabber CTI login sessions found: one line per "
                "session (time, user, device, node, outcome, failed step, cause) and a summary.\n\n"
                "Exit status:\n"
                "  0  the inputs were analysed (whatever the sessions' outcome)\n"
                "  1  no trace record could be read from the inputs\n"
                "  2  wrong arguments\n"
                "  3  the rules file given with --rules was refused");
}

// How inputs are read (LoadOptions) as options: --max-decompressed-mib, --max-archive-depth, --max-line-kib
// and --shift-clock.
class LimitOptions
{
public:
    explicit LimitOptions(QCommandLineParser &parser)
    {
        const LoadOptions defaults;
        m_decompressed.setDefaultValue(QString::number(defaults.maxDecompressedBytes / mebi));
        m_depth.setDefaultValue(QString::number(defaults.maxArchiveDepth));
        m_line.setDefaultValue(QString::number(defaults.maxLineBytes / kibi));
        parser.addOptions({m_decompressed, m_depth, m_line, m_shift});
    }

    // False (and a message on stderr) when a value is no positive number.
    bool read(const QCommandLineParser &parser, LoadOptions &options) const
    {
        return value(parser, m_decompressed, mebi, options.maxDecompressedBytes) &&
               value(parser, m_line, kibi, options.maxLineBytes) && depth(parser, options.maxArchiveDepth) &&
               shifts(parser, options.nodeClockOffsets);
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

    // --shift-clock NODE=MS, as often as there are nodes to shift.
    bool shifts(const QCommandLineParser &parser, QHash<QString, qint64> &out) const
    {
        for (const QString &shift : parser.values(m_shift)) {
            const qsizetype equals = shift.lastIndexOf(QLatin1Char('='));
            bool ok = false;
            const qint64 ms = equals > 0 ? shift.mid(equals + 1).toLongLong(&ok) : 0;
            if (!ok || ms < -maxShiftMs || ms > maxShiftMs) {
                err() << "ctiflow analyze: --shift-clock needs NODE=MS (milliseconds, at most a day either way), not "
                      << shift << Qt::endl;
                return false;
            }
            out.insert(shift.left(equals), ms);
        }
        return true;
    }

    static constexpr qint64 maxShiftMs = 24LL * 60 * 60 * 1000;

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
    QCommandLineOption m_shift{
        QStringLiteral("shift-clock"),
        QCoreApplication::translate("main", "Add <NODE=MS> milliseconds to the times of that node (its folder name, "
                                            "as in the node column) before the nodes are merged; repeatable."),
        QStringLiteral("NODE=MS")};
};

int runAnalyze(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(analyzeHelp());
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("main", "Print one JSON document (inputs, sessions)."));
    const QCommandLineOption rulesOption(
        QStringLiteral("rules"),
        QCoreApplication::translate("main", "Use this rules file instead of the built-in rules."),
        QStringLiteral("FILE"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QCoreApplication::translate("main", "Only sessions of this user id."),
                                  QStringLiteral("LOGIN"));
    const QCommandLineOption device(QStringLiteral("device"),
                                    QCoreApplication::translate("main", "Only sessions of this device name."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption outcome(
        QStringLiteral("outcome"),
        QCoreApplication::translate("main", "Only sessions with this outcome: succeeded, failed or incomplete."),
        QStringLiteral("OUTCOME"));
    const QCommandLineOption from(
        QStringLiteral("from"),
        QCoreApplication::translate("main", "Only sessions that started at or after <TIME>: HH:MM[:SS[.mmm]] on any "
                                            "day of the trace, or YYYY-MM-DD HH:MM[:SS[.mmm]]."),
        QStringLiteral("TIME"));
    const QCommandLineOption to(
        QStringLiteral("to"),
        QCoreApplication::translate("main", "Only sessions that started at or before <TIME> (as --from; HH:MM "
                                            "takes in that whole minute, HH:MM:SS that second)."),
        QStringLiteral("TIME"));
    const QCommandLineOption csv(
        QStringLiteral("csv"),
        QCoreApplication::translate("main", "Print the sessions as a table for a spreadsheet: comma-separated values "
                                            "with a header row (number, start, end, user, devices, node, outcome, "
                                            "failed step, cause, code, slow steps, evidence, ...)."));
    const QCommandLineOption markdown(
        QStringLiteral("markdown"),
        QCoreApplication::translate("main", "Print a Markdown report for a ticket: the counts, the failures grouped "
                                            "by cause with what to change and an example each, then every login."));
    const QCommandLineOption redact(
        QStringLiteral("redact"),
        QCoreApplication::translate("main", "With --csv or --markdown: replace user ids, names, domains, IP "
                                            "addresses, host and device names with stable placeholders."));
    const QCommandLineOption timing(QStringLiteral("timing"),
                                    QCoreApplication::translate("main", "Print load and analysis times to stderr."));
    parser.addOptions({json, csv, markdown, redact, rulesOption, user, device, outcome, from, to, timing});
    parser.addPositionalArgument(
        QStringLiteral("PATH"),
        QCoreApplication::translate("main", "Trace files, folders or archives; - reads the trace from standard input."),
        QStringLiteral("PATH..."));
    const LimitOptions limits(parser);
    parser.process(arguments);
    LoadOptions options;
    if (!limits.read(parser, options))
        return ExitUsage;
    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        err() << QCoreApplication::translate("main", "ctiflow analyze: give at least one trace file, folder or archive")
              << Qt::endl;
        return ExitUsage;
    }
    if (int(parser.isSet(json)) + int(parser.isSet(csv)) + int(parser.isSet(markdown)) > 1) {
        err() << QCoreApplication::translate("main", "ctiflow analyze: give one of --json, --csv or --markdown")
              << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(redact) && !parser.isSet(csv) && !parser.isSet(markdown)) {
        err() << QCoreApplication::translate("main", "ctiflow analyze: --redact goes with --csv or --markdown "
                                                     "(ctiflow export --redact writes one session redacted)")
              << Qt::endl;
        return ExitUsage;
    }
    SessionFilter filter{parser.value(user), parser.value(device), parser.value(outcome), {}, {}};
    for (const auto &[option, bound] : {std::pair{&from, &filter.from}, std::pair{&to, &filter.to}}) {
        if (!parser.isSet(*option))
            continue;
        *bound = parseTimeBound(parser.value(*option));
        if (!*bound) {
            err() << QCoreApplication::translate("main", "ctiflow analyze: --%1 takes HH:MM[:SS[.mmm]] or "
                                                         "YYYY-MM-DD HH:MM[:SS[.mmm]], not \"%2\"")
                         .arg(option->names().constFirst(), parser.value(*option))
                  << Qt::endl;
            return ExitUsage;
        }
    }
    if (!filter.outcome.isEmpty() && filter.outcome != QLatin1String("succeeded") &&
        filter.outcome != QLatin1String("failed") && filter.outcome != QLatin1String("incomplete")) {
        err() << QCoreApplication::translate("main", "ctiflow analyze: --outcome takes succeeded, failed or incomplete")
              << Qt::endl;
        return ExitUsage;
    }
    std::optional<Rules> userRules;
    if (parser.isSet(rulesOption)) {
        Problem problem;
        userRules = loadRules(parser.value(rulesOption), &problem);
        if (!userRules) {
            err() << QCoreApplication::translate("main", "ctiflow analyze: rules refused: ") << problem.toString()
                  << Qt::endl;
            return ExitBadRules;
        }
    }
    const Rules &rules = userRules ? *userRules : builtinRules();
    QElapsedTimer timer;
    timer.start();
    const qint64 cpuStart = processCpuMs();
    QStringList inputs = paths; // as the JSON names them
    inputs.replaceInStrings(QRegularExpression(QStringLiteral("^-$")), standardInputName());
    takeStandardInput(paths, options);
    const auto store = loadTraces(paths, options);
    const qint64 loadMs = timer.restart();
    const qint64 loadCpuMs = processCpuMs() - cpuStart;
    for (const Problem &problem : store->problems())
        err() << severityName(problem.severity) << ": " << problem.toString() << Qt::endl;
    if (store->recordCount() == 0) {
        err() << QCoreApplication::translate("main", "ctiflow analyze: no trace records could be read") << Qt::endl;
        printWhyEmpty(err(), *store, 0, {});
        return ExitNothingRead;
    }
    QList<Session> sessions = analyzeSessions(*store, rules);
    printWhyEmpty(err(), *store, sessions.size(), QStringLiteral("ctiflow analyze: "));
    const qint64 analyzeMs = timer.elapsed();
    const qint64 analyzeCpuMs = processCpuMs() - cpuStart - loadCpuMs;
    if (parser.isSet(timing)) {
        auto percent = [](qint64 part, qint64 whole) { return whole > 0 ? 100.0 * double(part) / double(whole) : 0.0; };
        err() << QStringLiteral("timing: %1 records, %2 sessions; load %3 ms wall / %4 ms cpu, analysis %5 ms wall / "
                                "%6 ms cpu (%7 % of load wall, %8 % of load cpu)")
                     .arg(store->recordCount())
                     .arg(sessions.size())
                     .arg(loadMs)
                     .arg(loadCpuMs)
                     .arg(analyzeMs)
                     .arg(analyzeCpuMs)
                     .arg(percent(analyzeMs, loadMs), 0, 'f', 1)
                     .arg(percent(analyzeCpuMs, loadCpuMs), 0, 'f', 1)
              << Qt::endl;
    }
    sessions.removeIf([&filter](const Session &session) { return !filter.accepts(session); });
    if (parser.isSet(json)) {
        out() << QJsonDocument(analysisToJson(*store, inputs, sessions)).toJson(QJsonDocument::Indented);
        out().flush();
        return ExitAnalysed;
    }
    if (parser.isSet(markdown)) {
        Redactor redactor(parser.isSet(redact));
        out() << bundleReport(sessions, store.get(), redactor);
        out().flush();
        return ExitAnalysed;
    }
    if (parser.isSet(csv)) {
        Redactor redactor(parser.isSet(redact));
        out() << QString::fromUtf8(sessionTable(sessions, store.get(), redactor, TableFormat::Csv));
        out().flush();
        return ExitAnalysed;
    }
    for (const Session &session : std::as_const(sessions))
        out() << sessionLine(session) << Qt::endl;
    printSummary(sessions);
    return ExitAnalysed;
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
    return std::strcmp(argument, "analyze") == 0 || std::strcmp(argument, "export") == 0;
}

bool subCommandDraws(const char *argument)
{
    return std::strcmp(argument, "export") == 0;
}

void describeGuiCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "CTI Flow: see where a Jabber desk-phone control login broke, from CUCM CTI Manager traces.\n\n"
                "Commands:\n"
                "  analyze PATH...   print the CTI login sessions found (see ctiflow analyze --help)\n"
                "  export PATH...    write one session's flow for a ticket (see ctiflow export --help)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QCoreApplication::translate("main", "Trace files, folders or archives to open."),
                                 QStringLiteral("[PATH...]"));
    parser.addOption({QStringLiteral("select"),
                      QCoreApplication::translate("main", "Open on session N (its number in 'ctiflow analyze')."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("rules"),
                      QCoreApplication::translate("main", "Analyse with this rules file for this run (Edit > Analysis "
                                                          "Rules chooses one to keep)."),
                      QStringLiteral("FILE")});
}

int runSubCommand(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    QStringList rest = arguments;
    rest.removeAt(1);
    rest[0] = rest[0] + QLatin1Char(' ') + command;
    if (command == QLatin1String("analyze"))
        return runAnalyze(rest);
    if (command == QLatin1String("export"))
        return runExport(rest);
    return 2;
}

} // namespace CtiFlow
