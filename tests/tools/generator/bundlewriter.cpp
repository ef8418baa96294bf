// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundlewriter.h"

#include <KCompressionDevice>
#include <KZip>

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimeZone>

#ifdef CTIFLOW_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

namespace CtiFlow::Gen {

namespace {

constexpr int noiseConnections = 16; // long-lived JTAPI applications on every node
constexpr int noiseInstanceBase = 5000000;

QByteArray timeText(qint64 timeMs)
{
    const qint64 ms = timeMs % (24LL * 3600 * 1000);
    char text[32];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d.%03d", int(ms / 3600000), int(ms / 60000 % 60),
                  int(ms / 1000 % 60), int(ms % 1000));
    return QByteArray(text);
}

void appendField(QByteArray &line, QByteArrayView value, int width, bool padded)
{
    line += value;
    if (padded) {
        for (qsizetype i = value.size(); i < width; ++i)
            line += ' ';
    } else {
        line += ' ';
    }
    line += '|';
}

QByteArray gzip(const QByteArray &data)
{
#ifdef CTIFLOW_HAVE_LIBDEFLATE
    libdeflate_compressor *compressor = libdeflate_alloc_compressor(4);
    QByteArray out(qsizetype(libdeflate_gzip_compress_bound(compressor, size_t(data.size()))), Qt::Uninitialized);
    const size_t size =
        libdeflate_gzip_compress(compressor, data.constData(), size_t(data.size()), out.data(), size_t(out.size()));
    libdeflate_free_compressor(compressor);
    out.resize(qsizetype(size));
    return out;
#else
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    KCompressionDevice device(&buffer, false, KCompressionDevice::GZip);
    device.open(QIODevice::WriteOnly);
    device.write(data);
    device.close();
    return out;
#endif
}

} // namespace

BundleWriter::BundleWriter(const BundleOptions &options)
    : m_options(options)
    , m_nodes(size_t(options.nodes))
{
    QRandomGenerator random(options.seed ^ 0x5D1u);
    for (NodeState &node : m_nodes) {
        node.sequence = 100000 + random.bounded(8000000u);
        node.rotation = 1 + int(random.bounded(900u));
    }
}

BundleWriter::~BundleWriter() = default;

Numbering BundleWriter::numbering(int node) const
{
    return node % 2 == 1 ? Numbering::V105 : Numbering::V14;
}

Style BundleWriter::style(int node) const
{
    return ((node - 1) / 2) % 2 == 0 ? (node % 2 == 1 ? Style::Padded : Style::Collapsed)
                                     : (node % 2 == 1 ? Style::Collapsed : Style::Padded);
}

bool BundleWriter::open(QString *error)
{
    if (!QDir().mkpath(m_options.outputDir)) {
        *error = QStringLiteral("cannot create %1").arg(m_options.outputDir);
        return false;
    }
    if (m_options.zip) {
        m_zip = std::make_unique<KZip>(QDir(m_options.outputDir).filePath(QStringLiteral("bundle.zip")));
        if (!m_zip->open(QIODevice::WriteOnly)) {
            *error = m_zip->errorString();
            return false;
        }
    }
    return true;
}

QByteArray BundleWriter::sequenceText(quint32 group, int sub) const
{
    char text[32];
    std::snprintf(text, sizeof text, "%08u.%03d", group % 100000000u, sub % 1000);
    return QByteArray(text);
}

void BundleWriter::appendRecord(int node, QByteArrayView sequence, qint64 timeMs, QByteArrayView type,
                                QByteArrayView rest)
{
    const bool padded = style(node) == Style::Padded;
    QByteArray line;
    line.reserve(64 + rest.size());
    appendField(line, sequence, 13, padded);
    appendField(line, timeText(timeMs), 13, padded);
    appendField(line, type, 9, padded);
    line += rest;
    line += '\n';
    NodeState &state = m_nodes[size_t(node - 1)];
    state.buffer += line;
    state.lastTimeMs = timeMs;
    m_bytes += line.size();
    if (state.buffer.size() >= m_options.fileSize)
        rotate(node);
}

void BundleWriter::appendSignal(int node, QByteArrayView sequence, qint64 timeMs, const SignalSpec &signal)
{
    const bool padded = style(node) == Style::Padded;
    QByteArray rest;
    appendField(rest, signal.name, 39, padded);
    appendField(rest, signal.state, 31, padded);
    appendField(rest, signal.destination, 33, padded);
    appendField(rest, signal.source, 33, padded);
    appendField(rest, signal.tag, 41, padded);
    rest += signal.bracket;
    if (!signal.parameters.isEmpty()) {
        rest += ' ';
        rest += signal.parameters;
    }
    appendRecord(node, sequence, timeMs, signal.type, rest);
}

void BundleWriter::writeGroup(int node, qint64 timeMs, const Group &group)
{
    NodeState &state = m_nodes[size_t(node - 1)];
    const quint32 number = ++state.sequence;
    int sub = 0;
    if (group.signal)
        appendSignal(node, sequenceText(number, sub++), timeMs, *group.signal);
    for (const TextSpec &text : group.texts)
        appendRecord(node, sequenceText(number, sub++), timeMs, text.type, text.text);
}

void BundleWriter::writeNoise(int node, qint64 timeMs, QRandomGenerator &random)
{
    NodeState &state = m_nodes[size_t(node - 1)];
    const Numbering version = numbering(node);
    const QByteArray n = QByteArray::number(node);
    auto proc = [&](QByteArrayView name, int instance, int app = 200) {
        return name.toByteArray() + '(' + n + ',' + QByteArray::number(app) + ',' +
               QByteArray::number(processType(version, name)) + ',' + QByteArray::number(instance) + ')';
    };
    const int k = noiseInstanceBase + int(random.bounded(quint32(noiseConnections)));
    const QByteArray tcp = QByteArray::number(processType(version, "SdlTCPConnection"));
    const QByteArray tag =
        n + ",200," + tcp + ',' + QByteArray::number(k) + '.' + QByteArray::number(random.bounded(9000u) + 10) + "^*^*";
    const quint32 number = ++state.sequence;
    Group group;
    switch (random.bounded(8u)) {
    case 0:
        appendRecord(node, sequenceText(number, 0), timeMs, "SdlStat",
                     QByteArray("Period: 17s #Lines: " + QByteArray::number(random.bounded(4000u)) +
                                " #Bytes: " + QByteArray::number(random.bounded(900000u)) +
                                " Total Number of Buffers: 2000 Free LWM: 1995 Free LWM(total): 1990"));
        return;
    case 1:
        group.signal =
            SignalSpec{"SdlSig", "SdlDataInd",         "ready", proc("CtiManager", 1), proc("SdlTCPConnection", k),
                       tag,      "*TraceFlagOverrode", {}};
        group.texts.append(TextSpec{"AppInfo", "CtiManager::ready_SdlDataInd(): ConnHandle=[" + n + ":200:" + tcp +
                                                   ':' + QByteArray::number(k) + "] TCP message length=0x40"});
        break;
    case 2:
        group.signal =
            SignalSpec{"SdlSig", "CtiQbeGenericMessage", "ready", proc("CTIHandler", k), proc("CtiManager", 1),
                       tag,      "*TraceFlagOverrode",   {}};
        group.texts.append(
            TextSpec{"AppInfo", "[CTI-APP] [CTIHandler::processIncomingMessage] CTI HeartbeatRequest ( seq#=" +
                                    QByteArray::number(random.bounded(90000u)) + " )"});
        break;
    case 3:
        group.signal = SignalSpec{"SdlSig-I",
                                  "CtiLineCallStateChangedInd",
                                  "ready",
                                  proc("CTIDeviceLineMgr", 1),
                                  proc("CTIRegistrar", 1, 100),
                                  tag,
                                  "[R:H-H:0,N:1,L:0,V:0,Z:0,D:0]",
                                  "LH=1|" + QByteArray::number(random.bounded(999u)) + " CH=1|" +
                                      QByteArray::number(31600000 + random.bounded(90000u)) + " State=2"};
        group.texts.append(
            TextSpec{"AppInfo", "[CTI-APP] [CTIHandler::OutputCtiMessage ] CTI CallStateChangedEvent ( CH=1|" +
                                    QByteArray::number(31600000 + random.bounded(90000u)) + " state=2 reason=1 )"});
        break;
    case 4:
        group.signal = SignalSpec{"SdlSig",
                                  "CtiDbChangeNotify",
                                  "ready",
                                  proc("CTIDbAccess", 1),
                                  proc("CTIDbAccess", 1),
                                  n + ",200,1,1.1^*^*",
                                  "[R:L-H:0,N:0,L:0,V:0,Z:0,D:0]",
                                  "Table=device Action=update"};
        group.texts.append(TextSpec{"AppInfo", "DbAccess:: DbChangeNotify table=device pkid=" +
                                                   QByteArray::number(random.generate(), 16)});
        break;
    case 5:
        group.signal = SignalSpec{"SdlSig-O",
                                  "CtiManagerHeartbeat",
                                  "NA RemoteSignal",
                                  "UnknownProcessName(" + n + ",200,25,1)",
                                  proc("CtiManager", 1),
                                  n + ",200,1,1.1^*^*",
                                  "[T:N-H:0,N:0,L:0,V:0,Z:0,D:0]",
                                  {}};
        break;
    case 6:
        // A row dump that runs over several lines (domain notes 1.1), while handling a change notice.
        group.signal = SignalSpec{"SdlSig",
                                  "CtiDbChangeNotify",
                                  "ready",
                                  proc("CTIDbAccess", 1),
                                  proc("CTIDbAccess", 1),
                                  n + ",200,1,1.1^*^*",
                                  "[R:L-H:0,N:0,L:0,V:0,Z:0,D:0]",
                                  "Table=devicenumplanmap"};
        group.texts.append(
            TextSpec{"AppInfo", "DbAccess:: changed row:\npkid=" + QByteArray::number(random.generate(), 16) +
                                    "\nfkdevice=" + QByteArray::number(random.generate(), 16) + "\nnumplanindex=1"});
        break;
    default:
        group.signal = SignalSpec{"SdlSig",
                                  "SdlTimerExpired",
                                  "ready",
                                  proc("CTIHandler", k),
                                  proc("SdlTimerService", 1),
                                  tag,
                                  "[R:N-H:0,N:0,L:0,V:0,Z:0,D:0]",
                                  "Timer=Heartbeat"};
        break;
    }
    int sub = 0;
    if (group.signal)
        appendSignal(node, sequenceText(number, sub++), timeMs, *group.signal);
    for (const TextSpec &text : group.texts)
        appendRecord(node, sequenceText(number, sub++), timeMs, text.type, text.text);
}

void BundleWriter::rotate(int node)
{
    NodeState &state = m_nodes[size_t(node - 1)];
    if (state.buffer.isEmpty())
        return;
    QString name = QStringLiteral("SDL%1_200_%2.txt")
                       .arg(node, 3, 10, QLatin1Char('0'))
                       .arg(state.rotation++, 6, 10, QLatin1Char('0'));
    QByteArray data = std::move(state.buffer);
    state.buffer = QByteArray();
    state.buffer.reserve(qsizetype(std::min<qint64>(m_options.fileSize + 4096, 64 * 1024 * 1024)));
    if (m_options.gzip) {
        name += QStringLiteral(".gz");
        data = gzip(data);
    }
    store(host(node) + QStringLiteral("/cm/trace/cti/sdl/") + name, data, state.lastTimeMs);
}

bool BundleWriter::store(const QString &relativePath, const QByteArray &data, qint64 lastTimeMs)
{
    const QDateTime modified(m_options.date, QTime::fromMSecsSinceStartOfDay(int(lastTimeMs % 86400000)),
                             QTimeZone::UTC);
    m_files.append(relativePath);
    if (m_zip) {
        if (!m_zip->writeFile(relativePath, data, 0100644, QString(), QString(), modified, modified, modified))
            m_error = m_zip->errorString();
        return m_error.isEmpty();
    }
    const QString path = QDir(m_options.outputDir).filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size()) {
        m_error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    file.flush();
    file.setFileTime(modified, QFileDevice::FileModificationTime);
    return true;
}

bool BundleWriter::finish(QString *error)
{
    for (int node = 1; node <= int(m_nodes.size()); ++node)
        rotate(node);
    if (m_zip && !m_zip->close() && m_error.isEmpty())
        m_error = m_zip->errorString();
    if (!m_error.isEmpty())
        *error = m_error;
    return m_error.isEmpty();
}

} // namespace CtiFlow::Gen
