// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzip.h"

#include <KCompressionDevice>

#include <QBuffer>

#include <algorithm>

#include <memory>

#ifdef CTIFLOW_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

namespace CtiFlow {

namespace {

using Status = GunzipResult::Status;

// Streams the data through KArchive's gzip filter, keeping everything decompressed before an error.
GunzipResult gunzipIncrementally(QByteArrayView data, qint64 limit, qint64 reserve)
{
    GunzipResult result;
    QByteArray input = QByteArray::fromRawData(data.data(), data.size());
    QBuffer buffer(&input);
    KCompressionDevice device(&buffer, false, KCompressionDevice::GZip);
    if (!device.open(QIODevice::ReadOnly)) {
        result.status = Status::Truncated;
        result.error = QStringLiteral("not a readable gzip stream");
        return result;
    }
    result.output.reserve(qsizetype(std::min(reserve, limit)));
    constexpr qsizetype chunk = 1 << 20;
    while (true) {
        const qint64 room = limit - result.output.size();
        if (room <= 0) {
            char probe = 0;
            if (device.read(&probe, 1) > 0) {
                result.status = Status::LimitReached;
                result.error = QStringLiteral("decompressed size limit reached");
            }
            break;
        }
        const qsizetype old = result.output.size();
        const qsizetype want = qsizetype(std::min<qint64>(chunk, room));
        result.output.resize(old + want);
        const qint64 got = device.read(result.output.data() + old, want);
        result.output.resize(old + std::max<qint64>(got, 0));
        if (got <= 0)
            break;
    }
    if (device.error() != QFileDevice::NoError || (device.atEnd() == false && result.status == Status::Complete)) {
        result.status = Status::Truncated;
        result.error = QStringLiteral("gzip stream cut off or damaged");
    }
    return result;
}

#ifdef CTIFLOW_HAVE_LIBDEFLATE
// The size stored in the last four bytes of a gzip stream (modulo 4 GiB), used to size the output.
qint64 trailerSize(QByteArrayView data)
{
    if (data.size() < 18)
        return 0;
    const auto *p = reinterpret_cast<const unsigned char *>(data.data() + data.size() - 4);
    return qint64(p[0]) | (qint64(p[1]) << 8) | (qint64(p[2]) << 16) | (qint64(p[3]) << 24);
}

struct DecompressorDeleter
{
    void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

// Bytes after the last member, unless they are all zero (block padding of tapes and some copiers).
qint64 trailingGarbage(QByteArrayView rest)
{
    return std::all_of(rest.begin(), rest.end(), [](char c) { return c == '\0'; }) ? 0 : rest.size();
}

// Decompresses all gzip members at once. Truncated when the stream is damaged or cut (the caller
// decompresses it again incrementally to keep what is readable); LimitReached without going on.
Status gunzipWithLibdeflate(QByteArrayView data, qint64 limit, QByteArray &output, qint64 &trailing)
{
    thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(
        libdeflate_alloc_decompressor());
    qint64 capacity = std::max<qint64>(trailerSize(data), data.size() * 4);
    capacity = std::min(capacity + 64, limit);
    qsizetype used = 0;
    qsizetype inPos = 0;
    output.resize(qsizetype(capacity));
    while (inPos < data.size()) {
        size_t inUsed = 0;
        size_t outUsed = 0;
        const libdeflate_result r =
            libdeflate_gzip_decompress_ex(decompressor.get(), data.data() + inPos, size_t(data.size() - inPos),
                                          output.data() + used, size_t(output.size() - used), &inUsed, &outUsed);
        if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
            if (output.size() >= limit)
                return Status::LimitReached;
            output.resize(qsizetype(std::min<qint64>(qint64(output.size()) * 2, limit)));
            continue;
        }
        if (r != LIBDEFLATE_SUCCESS)
            return Status::Truncated;
        used += qsizetype(outUsed);
        inPos += qsizetype(inUsed);
        if (inPos < data.size() && !isGzip(data.sliced(inPos))) {
            trailing = trailingGarbage(data.sliced(inPos));
            break;
        }
    }
    output.resize(used);
    return Status::Complete;
}
#endif

} // namespace

bool isGzip(QByteArrayView data)
{
    return data.size() >= 2 && data[0] == '\x1f' && data[1] == '\x8b';
}

bool isZip(QByteArrayView data)
{
    return data.startsWith("PK\x03\x04") || data.startsWith("PK\x05\x06");
}

bool isTar(QByteArrayView data)
{
    return data.size() >= 262 && data.sliced(257, 5) == QByteArrayView("ustar");
}

GunzipResult gunzip(QByteArrayView data, qint64 limit)
{
#ifdef CTIFLOW_HAVE_LIBDEFLATE
    GunzipResult fast;
    fast.status = gunzipWithLibdeflate(data, limit, fast.output, fast.trailingBytes);
    if (fast.status == Status::LimitReached) {
        fast.output.clear(); // a bomb is not decompressed a second time
        fast.error = QStringLiteral("decompressed size limit reached");
    }
    if (fast.status != Status::Truncated)
        return fast;
#endif
    return gunzipIncrementally(data, limit, data.size() * 4);
}

QByteArray gunzipHead(QByteArrayView data, qsizetype count)
{
    QByteArray input = QByteArray::fromRawData(data.data(), data.size());
    QBuffer buffer(&input);
    KCompressionDevice device(&buffer, false, KCompressionDevice::GZip);
    if (!device.open(QIODevice::ReadOnly))
        return {};
    return device.read(count);
}

} // namespace CtiFlow
