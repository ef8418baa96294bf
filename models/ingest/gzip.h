// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace CtiFlow {

// True when data starts with the gzip magic bytes 1f 8b (the name of a file is not trusted: an
// active ".gzo" file may be plain text).
bool isGzip(QByteArrayView data);
bool isZip(QByteArrayView data);
// A POSIX tar header ("ustar" at offset 257).
bool isTar(QByteArrayView data);

struct GunzipResult
{
    enum class Status
    {
        Complete,
        Truncated,    // the stream ends early or is damaged: output holds what could be decompressed
        LimitReached, // output would pass the limit: output is empty or cut at the limit
    };
    QByteArray output;
    Status status = Status::Complete;
    QString error;            // why the stream is not complete
    qint64 trailingBytes = 0; // bytes after the last gzip member that are neither gzip nor zero padding
};

// Decompresses a whole gzip stream (several members are concatenated). Uses libdeflate when it is
// available; a damaged or cut stream is decompressed again incrementally to keep what was readable.
GunzipResult gunzip(QByteArrayView data, qint64 limit);

// The first bytes of the decompressed stream (at most count), cheap for a quick look at the content.
QByteArray gunzipHead(QByteArrayView data, qsizetype count);

} // namespace CtiFlow
