// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ctiflow-gen: writes a deterministic bundle of CTI Manager SDL traces holding known login sessions,
// buried in other CTI traffic, plus ground-truth.json naming each session's outcome and cause.
#include "bundlewriter.h"
#include "sessionscript.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <queue>

using namespace CtiFlow::Gen;

namespace {

struct Options
{
    int sessions = 1000;
    qint64 size = 0;
    double noise = 0.35; // bytes of other traffic per byte of login sessions, at least
    BundleOptions bundle;
};

struct Pending
{
    qint64 timeMs;
    int session;
    int group;
    bool operator>(const Pending &other) const
    {
        return timeMs != other.timeMs ? timeMs > other.timeMs : session > other.session;
    }
};

constexpr qint64 dayStartMs = 8LL * 3600 * 1000; // the bundle starts at 08:00
constexpr qint64 stallMarginMs = 60000;          // flow-stopped sessions need this much trace after them

QByteArray userName(int index)
{
    static const char *const first[] = {"wwhite",  "jpinkman",   "sgoodman", "hschrader", "mehrmantraut", "gfring",
                                        "swhite",  "lsalamanca", "kwexler",  "hhamlin",   "cbrown",       "jking",
                                        "aturing", "ghopper",    "dknuth",   "bliskov"};
    const QByteArray base(first[index % 16]);
    return index < 16 ? base : base + QByteArray::number(index / 16);
}

QList<SessionSpec> makeSpecs(const Options &options, QRandomGenerator &random, qint64 gapMs)
{
    const QStringList causes = generatedCauses();
    const int nodes = options.bundle.nodes;
    const int users = std::max(32, options.sessions / 8);
    QList<SessionSpec> specs;
    int failures = 0;
    for (int i = 0; i < options.sessions; ++i) {
        SessionSpec spec;
        spec.number = i + 1;
        const int user = int(random.bounded(quint32(users)));
        spec.login = userName(user);
        spec.device =
            "SEP" + QByteArray::number(0x001794000000ULL + quint64(user) * 7919, 16).toUpper().rightJustified(12, '0');
        spec.cucmNode = 1 + i % nodes;
        spec.peerIp = "10." + QByteArray::number(20 + spec.cucmNode) + '.' + QByteArray::number(user / 250 % 250) +
                      '.' + QByteArray::number(1 + user % 250);
        spec.peerPort = 49152 + int(random.bounded(16000u));
        spec.handler = 100 + i / nodes;
        spec.connection = 1000 + i / nodes;
        spec.providerId = 16777216 + i;
        if (i % 5 >= 3) {
            spec.cause = causes[failures++ % causes.size()];
            spec.codeSpelling = int(random.bounded(3u));
            static const quint32 unknown[] = {0x8CCC00DA, 0x8CCC00F3, 0x8CCC0005, 0x8CCC0062};
            spec.unknownCode = unknown[random.bounded(4u)];
        } else {
            spec.token = random.bounded(10u) == 0;
        }
        // A retry after a failure: the same user and device on a new connection.
        if (i > nodes && !specs[i - nodes].cause.isEmpty() && random.bounded(4u) == 0) {
            spec.login = specs[i - nodes].login;
            spec.device = specs[i - nodes].device;
            spec.peerIp = specs[i - nodes].peerIp;
        }
        spec.numbering = spec.cucmNode % 2 == 1 ? Numbering::V105 : Numbering::V14;
        if (i < nodes) {
            spec.cutAtStart = true;
            spec.cause = i % 2 ? QStringLiteral("invalid-credentials") : QString();
            spec.token = false;
        }
        const bool nearEnd = qint64(options.sessions - i) * gapMs < stallMarginMs * nodes;
        if (nearEnd && spec.cause == QLatin1String("flow-stopped"))
            spec.cause.clear();
        if (i >= options.sessions - nodes) {
            spec.cutAtEnd = true;
            spec.cause.clear();
        }
        specs.append(spec);
    }
    return specs;
}

QJsonObject truthOf(const SessionSpec &spec, const BundleWriter &writer, qint64 firstMs)
{
    const int tcp = processType(spec.numbering, "SdlTCPConnection");
    const int handler = processType(spec.numbering, "CTIHandler");
    QJsonObject object;
    object[QStringLiteral("number")] = spec.number;
    object[QStringLiteral("node")] = writer.host(spec.cucmNode);
    object[QStringLiteral("connection")] =
        QStringLiteral("%1,200,%2,%3").arg(spec.cucmNode).arg(tcp).arg(spec.connection);
    object[QStringLiteral("handler")] =
        QStringLiteral("CTIHandler(%1,200,%2,%3)").arg(spec.cucmNode).arg(handler).arg(spec.handler);
    object[QStringLiteral("login")] = QString::fromLatin1(spec.login);
    object[QStringLiteral("device")] = QString::fromLatin1(spec.device);
    object[QStringLiteral("outcome")] = spec.outcome();
    object[QStringLiteral("cause")] = spec.cause.isEmpty() ? QJsonValue() : QJsonValue(spec.cause);
    const quint32 code = expectedCode(spec);
    object[QStringLiteral("code")] = code && !spec.cause.isEmpty()
                                         ? QJsonValue(QStringLiteral("0x%1")
                                                          .arg(code, 8, 16, QLatin1Char('0'))
                                                          .toUpper()
                                                          .replace(QLatin1String("0X"), QLatin1String("0x")))
                                         : QJsonValue();
    object[QStringLiteral("token")] = spec.token;
    object[QStringLiteral("cutAtStart")] = spec.cutAtStart;
    object[QStringLiteral("firstTime")] =
        QTime::fromMSecsSinceStartOfDay(int(firstMs % 86400000)).toString(QStringLiteral("HH:mm:ss.zzz"));
    return object;
}

int generate(const Options &options)
{
    QRandomGenerator random(options.bundle.seed);
    // Sessions start close enough to overlap, but the bundle stays within one day.
    const qint64 gapMs = std::clamp<qint64>(10LL * 3600 * 1000 / std::max(options.sessions, 1), 20, 900);
    const QList<SessionSpec> specs = makeSpecs(options, random, gapMs);
    BundleWriter writer(options.bundle);
    QString error;
    if (!writer.open(&error)) {
        QTextStream(stderr) << "ctiflow-gen: " << error << Qt::endl;
        return 1;
    }
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> queue;
    std::vector<QList<Group>> plans(size_t(specs.size()));
    std::vector<qint64> firstTimes(size_t(specs.size()), 0);
    qint64 sessionBytes = 0;
    qint64 noiseBytes = 0;
    int next = 0;
    qint64 nextStart = dayStartMs;
    QJsonArray truth;
    while (next < specs.size() || !queue.empty()) {
        if (queue.empty() || (next < specs.size() && nextStart < queue.top().timeMs)) {
            plans[size_t(next)] = planSession(specs[next], random);
            firstTimes[size_t(next)] = nextStart + plans[size_t(next)].value(0).delayMs;
            queue.push({firstTimes[size_t(next)], next, 0});
            ++next;
            nextStart += gapMs / 4 + qint64(random.bounded(quint32(gapMs * 3 / 2)));
            continue;
        }
        const Pending event = queue.top();
        queue.pop();
        const SessionSpec &spec = specs[event.session];
        QList<Group> &plan = plans[size_t(event.session)];
        // Noise before the event: at least one record in four, more to reach the requested size.
        const double share = options.size > 0 && next > 20
                                 ? double(options.size) / double(sessionBytes) * double(next) / specs.size() - 1.0
                                 : options.noise;
        while (noiseBytes < sessionBytes * std::max(share, options.noise)) {
            const qint64 before = writer.bytesWritten();
            writer.writeNoise(spec.cucmNode, event.timeMs, random);
            noiseBytes += writer.bytesWritten() - before;
        }
        const qint64 before = writer.bytesWritten();
        writer.writeGroup(spec.cucmNode, event.timeMs, plan[event.group]);
        sessionBytes += writer.bytesWritten() - before;
        if (event.group + 1 < plan.size()) {
            queue.push({event.timeMs + plan[event.group + 1].delayMs, event.session, event.group + 1});
        } else {
            plan.clear();
            plan.squeeze();
        }
    }
    for (const SessionSpec &spec : specs)
        truth.append(truthOf(spec, writer, firstTimes[size_t(spec.number - 1)]));
    if (!writer.finish(&error)) {
        QTextStream(stderr) << "ctiflow-gen: " << error << Qt::endl;
        return 1;
    }
    QSaveFile file(QDir(options.bundle.outputDir).filePath(QStringLiteral("ground-truth.json")));
    QJsonObject document;
    document[QStringLiteral("generator")] = QStringLiteral("ctiflow-gen");
    document[QStringLiteral("seed")] = qint64(options.bundle.seed);
    document[QStringLiteral("date")] = options.bundle.date.toString(Qt::ISODate);
    document[QStringLiteral("files")] = QJsonArray::fromStringList(writer.files());
    document[QStringLiteral("sessions")] = truth;
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(document).toJson()) < 0 || !file.commit()) {
        QTextStream(stderr) << "ctiflow-gen: cannot write " << file.fileName() << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "ctiflow-gen: " << specs.size() << " sessions, " << writer.bytesWritten()
                        << " bytes of trace in " << writer.files().size() << " files (" << noiseBytes
                        << " bytes of other traffic)" << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ctiflow-gen"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes CUCM CTI Manager SDL traces with known Jabber CTI login sessions (successes and every cause), "
        "interleaved and buried in other CTI traffic, rotated into SDLnnn_200_nnnnnn.txt files in per-node "
        "folders, and ground-truth.json. Odd nodes use CUCM 10.5 process numbers, even nodes 14.x; nodes 1 and 4 "
        "pad their columns like real files, nodes 2 and 3 squeeze them like TAC pages. The same options and seed "
        "always give the same bundle."));
    parser.addHelpOption();
    const QCommandLineOption sessions(QStringLiteral("sessions"), QStringLiteral("Login sessions (default 1000)."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Target total uncompressed bytes; other traffic fills up."),
                                  QStringLiteral("BYTES"), QStringLiteral("0"));
    const QCommandLineOption fileSize(QStringLiteral("file-size"),
                                      QStringLiteral("Uncompressed bytes per rotated file (default 4 MiB)."),
                                      QStringLiteral("BYTES"), QStringLiteral("4194304"));
    const QCommandLineOption nodes(QStringLiteral("nodes"), QStringLiteral("CTI Manager nodes (default 2)."),
                                   QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption gzip(QStringLiteral("gzip"), QStringLiteral("Write .txt.gz files."));
    const QCommandLineOption zip(QStringLiteral("zip"), QStringLiteral("Write everything into DIR/bundle.zip."));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output folder (default ./ctiflow-bundle)."), QStringLiteral("DIR"),
                                    QStringLiteral("ctiflow-bundle"));
    const QCommandLineOption noise(QStringLiteral("noise"),
                                   QStringLiteral("Least bytes of other traffic per byte of sessions (default 0.35)."),
                                   QStringLiteral("RATIO"), QStringLiteral("0.35"));
    parser.addOptions({sessions, size, fileSize, nodes, gzip, zip, seed, output, noise});
    parser.process(app);
    Options options;
    options.sessions = std::max(1, parser.value(sessions).toInt());
    options.size = parser.value(size).toLongLong();
    options.noise = std::max(0.0, parser.value(noise).toDouble());
    options.bundle.fileSize = std::max<qint64>(4096, parser.value(fileSize).toLongLong());
    options.bundle.nodes = std::clamp(parser.value(nodes).toInt(), 1, 99);
    options.bundle.gzip = parser.isSet(gzip);
    options.bundle.zip = parser.isSet(zip);
    options.bundle.seed = parser.value(seed).toUInt();
    options.bundle.outputDir = parser.value(output);
    options.bundle.date = QDate(2026, 3, 2);
    return generate(options);
}
