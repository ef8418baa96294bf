// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostilefixtures.h"

#include <KCompressionDevice>
#include <KTar>
#include <KZip>

#include <QBuffer>
#include <QFile>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace CtiFlow::Hostile {

namespace {

void appendLe(QByteArray &out, quint64 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

// Deflate bits, least significant first.
class BitWriter
{
public:
    explicit BitWriter(qsizetype reserve) { m_out.reserve(reserve); }
    void put(quint32 value, int bits)
    {
        m_acc |= quint64(value) << m_bits;
        m_bits += bits;
        while (m_bits >= 8) {
            m_out.append(char(m_acc & 0xFF));
            m_acc >>= 8;
            m_bits -= 8;
        }
    }
    QByteArray finish()
    {
        if (m_bits > 0)
            m_out.append(char(m_acc & 0xFF));
        return std::move(m_out);
    }

private:
    QByteArray m_out;
    quint64 m_acc = 0;
    int m_bits = 0;
};

// One deflate block of 1 + 258 * matches zero bytes.
QByteArray deflatedZeros(qint64 matches)
{
    BitWriter bits(qsizetype(matches * 13 / 8 + 16));
    bits.put(1, 1);    // last block
    bits.put(1, 2);    // fixed Huffman codes
    bits.put(0x0C, 8); // literal 0 (code 00110000, written reversed)
    for (qint64 i = 0; i < matches; ++i)
        bits.put(0xA3, 13); // length 258 (code 11000101, reversed), distance 1 (code 00000)
    bits.put(0, 7);         // end of block
    return bits.finish();
}

bool capabilities(__user_cap_data_struct (&data)[2], bool set)
{
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    return syscall(set ? SYS_capset : SYS_capget, &header, data) == 0;
}

qint64 memoryStatus(QByteArrayView field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

constexpr unsigned fileOverrides = (1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH);

} // namespace

QByteArray sampleTrace()
{
    QFile file(QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray traceWithRecords(const QList<std::pair<QByteArray, QByteArray>> &sequenceAndTime)
{
    QByteArray text;
    for (const auto &[sequence, time] : sequenceAndTime) {
        text += sequence + " |" + time +
                " |SdlSig   |CtiLoginCheckReq                       |ready                          "
                "|Directory(1,200,23,1)            |CTIHandler(1,200,22,7)           |1,200,13,8.3^*^*"
                "                         |[T:N-H:0,N:0,L:0,V:0,Z:0,D:0] Login=wwhite\n";
    }
    return text;
}

QByteArray gzip(const QByteArray &data)
{
    QByteArray out;
    QBuffer buffer(&out);
    KCompressionDevice device(&buffer, false, KCompressionDevice::GZip);
    if (!device.open(QIODevice::WriteOnly))
        return {};
    device.write(data);
    device.close();
    return out;
}

QByteArray zip(const QList<std::pair<QString, QByteArray>> &members)
{
    QByteArray out;
    QBuffer buffer(&out);
    KZip archive(&buffer);
    if (!archive.open(QIODevice::WriteOnly))
        return {};
    for (const auto &[name, content] : members)
        archive.writeFile(name, content);
    archive.close();
    return out;
}

QByteArray tarGz(const QList<std::pair<QString, QByteArray>> &members)
{
    QByteArray out;
    QBuffer buffer(&out);
    KTar archive(&buffer);
    if (!archive.open(QIODevice::WriteOnly))
        return {};
    for (const auto &[name, content] : members)
        archive.writeFile(name, content);
    archive.close();
    return gzip(out);
}

QByteArray withBadCrc(QByteArray zipData)
{
    for (const auto &[signature, crcOffset] : {std::pair{"PK\x03\x04", 14}, std::pair{"PK\x01\x02", 16}}) {
        for (qsizetype at = zipData.indexOf(signature); at >= 0; at = zipData.indexOf(signature, at + 4)) {
            for (int i = 0; i < 4; ++i)
                zipData[at + crcOffset + i] = char(~zipData[at + crcOffset + i]);
        }
    }
    return zipData;
}

QByteArray gzipBomb()
{
    const QByteArray member = gzip(QByteArray(64 * 1024 * 1024, '\0'));
    return member.repeated(64);
}

QByteArray zipBomb(const QString &memberName)
{
    constexpr qint64 matches = 16'000'000;
    const quint64 size = 1 + 258ULL * matches;
    const QByteArray data = deflatedZeros(matches);
    const QByteArray name = memberName.toUtf8();
    const auto header = [&](bool central) -> QByteArray {
        QByteArray h;
        appendLe(h, central ? 0x02014b50 : 0x04034b50, 4);
        if (central)
            appendLe(h, 20, 2); // made by
        appendLe(h, 20, 2);     // needed
        appendLe(h, 0, 2);      // flags
        appendLe(h, 8, 2);      // deflate
        appendLe(h, 0, 2);      // time
        appendLe(h, 0x21, 2);   // 1980-01-01
        appendLe(h, 0, 4);      // CRC-32: never reached, the size limit stops the member first
        appendLe(h, quint64(data.size()), 4);
        appendLe(h, size, 4);
        appendLe(h, quint64(name.size()), 2);
        appendLe(h, 0, 2); // extra
        if (central) {
            appendLe(h, 0, 2 + 2 + 2); // comment length, disk, internal attributes
            appendLe(h, 0, 4);         // external attributes
            appendLe(h, 0, 4);         // local header at 0
        }
        h += name;
        return h;
    };
    QByteArray out = header(false) + data;
    const qsizetype centralAt = out.size();
    const QByteArray central = header(true);
    out += central;
    appendLe(out, 0x06054b50, 4);
    appendLe(out, 0, 4);
    appendLe(out, 1, 2);
    appendLe(out, 1, 2);
    appendLe(out, quint64(central.size()), 4);
    appendLe(out, quint64(centralAt), 4);
    appendLe(out, 0, 2);
    return out;
}

QByteArray nestedZip(int depth)
{
    QByteArray inner;
    for (int level = depth; level >= 1; --level) {
        const QByteArray time = "10:00:0" + QByteArray::number(level) + ".000";
        QList<std::pair<QString, QByteArray>> members{
            {QStringLiteral("SDL001_200_00000%1.txt").arg(level), traceWithRecords({{"00000001.000", time}})}};
        if (!inner.isEmpty())
            members.append({QStringLiteral("level%1.zip").arg(level + 1), inner});
        inner = zip(members);
    }
    return inner;
}

FilePermissionsEnforced::FilePermissionsEnforced()
{
    if (geteuid() != 0) {
        m_effective = true;
        return;
    }
    __user_cap_data_struct data[2] = {};
    if (!capabilities(data, false))
        return;
    m_saved[0] = data[0].effective;
    m_saved[1] = data[1].effective;
    data[0].effective &= ~fileOverrides;
    m_dropped = m_effective = capabilities(data, true);
}

FilePermissionsEnforced::~FilePermissionsEnforced()
{
    if (!m_dropped)
        return;
    __user_cap_data_struct data[2] = {};
    if (capabilities(data, false)) {
        data[0].effective = m_saved[0];
        data[1].effective = m_saved[1];
        capabilities(data, true);
    }
}

qint64 peakMemory()
{
    return memoryStatus("VmHWM:");
}

qint64 currentMemory()
{
    return memoryStatus("VmRSS:");
}

bool resetPeakMemory()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

} // namespace CtiFlow::Hostile
