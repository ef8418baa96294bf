// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace CtiFlow::Hostile {

// The sample trace (93 records) as it is in the repository.
QByteArray sampleTrace();

// Trace text with one record per time of day and sequence number given ("10:00:00.000").
QByteArray traceWithRecords(const QList<std::pair<QByteArray, QByteArray>> &sequenceAndTime);

// data compressed into one gzip member (KCompressionDevice).
QByteArray gzip(const QByteArray &data);

// A zip archive (KZip, deflated) with the given members (name, content).
QByteArray zip(const QList<std::pair<QString, QByteArray>> &members);
// A gzip-compressed ustar archive (KTar) with the given members.
QByteArray tarGz(const QList<std::pair<QString, QByteArray>> &members);

// The zip with the CRC-32 of every member flipped in the local and the central headers.
QByteArray withBadCrc(QByteArray zipData);

// About 4 GiB of zeros as concatenated gzip members, about 4 MB on disk.
QByteArray gzipBomb();
// A zip whose one member is 4,128,000,001 zero bytes, deflated by hand into 26 MB (fixed Huffman
// codes, one literal then matches of 258 bytes at distance 1).
QByteArray zipBomb(const QString &memberName);

// A zip nested depth levels deep (a zip in a zip ...); the innermost holds a trace file and every
// level also holds a trace file of its own, SDL001_200_00000<level>.txt.
QByteArray nestedZip(int depth);

// Drops the capabilities that let root read and write any file (CAP_DAC_OVERRIDE,
// CAP_DAC_READ_SEARCH) from the effective set of the calling thread for its lifetime, so that file
// permissions apply to a test running as root. Threads started meanwhile inherit the reduced set.
class FilePermissionsEnforced
{
public:
    FilePermissionsEnforced();
    ~FilePermissionsEnforced();
    FilePermissionsEnforced(const FilePermissionsEnforced &) = delete;
    FilePermissionsEnforced &operator=(const FilePermissionsEnforced &) = delete;

    // False when permissions still do not apply (root and the capabilities could not be dropped).
    bool isEffective() const { return m_effective; }

private:
    bool m_dropped = false;
    bool m_effective = false;
    unsigned m_saved[2] = {0, 0};
};

// Peak resident memory of this process since the last resetPeakMemory(), in bytes; -1 when the
// kernel does not tell.
qint64 peakMemory();
// Resident memory now, in bytes; -1 when the kernel does not tell.
qint64 currentMemory();
bool resetPeakMemory();

} // namespace CtiFlow::Hostile
