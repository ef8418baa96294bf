// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The few fields of a record that tell the session analysis where a signal went and which client
// connection it concerns, read straight from the record text without allocating: they run for
// every signal of interest in a bundle of millions of records.

#include "record.h"

#include <QByteArrayView>
#include <QHashFunctions>
#include <QString>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace CtiFlow::route {

// The TCP connection object of a connection tag "1,200,13,8.3^...": node, application, type, instance.
struct Connection
{
    std::array<quint32, 4> numbers{};
    bool valid = false;

    friend bool operator==(const Connection &a, const Connection &b) { return a.numbers == b.numbers; }
    friend size_t qHash(const Connection &c, size_t seed = 0)
    {
        return qHashRange(c.numbers.begin(), c.numbers.end(), seed);
    }
    QString text() const
    {
        const QChar comma(u',');
        return QString::number(numbers[0]) + comma + QString::number(numbers[1]) + comma + QString::number(numbers[2]) +
               comma + QString::number(numbers[3]);
    }
};

// Reads the four numbers before the tag's '.', without allocating.
inline Connection connectionOf(QByteArrayView tag)
{
    Connection c;
    const char *at = tag.data();
    const char *const end = at + tag.size();
    while (at < end && *at == ' ')
        ++at;
    for (int n = 0; n < 4; ++n) {
        const char *const start = at;
        const char *const limit = end - at > 9 ? at + 9 : end; // nine digits at most: no overflow
        quint32 value = 0;
        for (; at < limit && unsigned(uchar(*at)) - '0' <= 9; ++at)
            value = value * 10 + (unsigned(uchar(*at)) - '0');
        if (at == start)
            return {};
        c.numbers[size_t(n)] = value;
        const char next = at < end ? *at : '.';
        if (n < 3 ? next != ',' : (next != '.' && next != '^' && next != ' '))
            return {};
        ++at;
    }
    c.valid = true;
    return c;
}

// The positions of the first bars.size() column bars of text, sixteen bytes at a time; false when
// it has fewer.
template<size_t Count>
inline bool firstBars(QByteArrayView text, std::array<qsizetype, Count> &bars)
{
    size_t found = 0;
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i bar = _mm_set1_epi8('|');
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text.data() + i));
        for (auto mask = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, bar))); mask != 0; mask &= mask - 1) {
            bars[found++] = i + std::countr_zero(mask);
            if (found == Count)
                return true;
        }
    }
#endif
    for (; i < text.size(); ++i) {
        if (text[i] == '|') {
            bars[found++] = i;
            if (found == Count)
                return true;
        }
    }
    return false;
}

// Where the text after the sequence number and the time begins. The scanner accepted the record, so
// the usual layout ("00895261.038 |08:59:17.149 |", padded or not) needs only its two bars checked.
inline qsizetype payloadStart(QByteArrayView text)
{
    constexpr qsizetype usual = 28;
    if (text.size() >= usual && text[13] == '|' && text[27] == '|')
        return usual;
    return std::min(recordHeaderLength(text), text.size());
}

// Destination, source and connection tag of a signal record (fields 6 to 8), trimmed, without
// parsing the rest: this runs for every signal that may concern a CTI connection. The bars are
// looked for after the header, whose two bars payloadStart() already knows.
inline bool routeOf(QByteArrayView text, QByteArrayView &destination, QByteArrayView &source, QByteArrayView &tag)
{
    const qsizetype start = payloadStart(text);
    if (start == 0)
        return false; // no header: not a signal record
    // After the header: type|signal|state|destination|source|tag|
    std::array<qsizetype, 6> bars{};
    const QByteArrayView payload = text.sliced(start);
    if (!firstBars(payload, bars))
        return false;
    destination = trimmedField(payload.sliced(bars[2] + 1, bars[3] - bars[2] - 1));
    source = trimmedField(payload.sliced(bars[3] + 1, bars[4] - bars[3] - 1));
    tag = trimmedField(payload.sliced(bars[4] + 1, bars[5] - bars[4] - 1));
    return true;
}

// The instance of a "CTIHandler(1,200,22,7)" tuple, or -1: only that number tells one client
// connection's handler from another.
inline int handlerInstance(QByteArrayView tuple)
{
    constexpr QByteArrayView prefix("CTIHandler(");
    if (tuple.size() <= prefix.size() || std::memcmp(tuple.data(), prefix.data(), size_t(prefix.size())) != 0 ||
        tuple.back() != ')')
        return -1;
    qsizetype i = prefix.size();
    for (int comma = 0; comma < 3; ++comma) {
        while (i < tuple.size() && tuple[i] >= '0' && tuple[i] <= '9')
            ++i;
        if (i >= tuple.size() || tuple[i] != ',')
            return -1;
        ++i;
    }
    const qsizetype start = i;
    int value = 0;
    while (i < tuple.size() && tuple[i] >= '0' && tuple[i] <= '9' && i - start < 9)
        value = value * 10 + (tuple[i++] - '0');
    return i > start && i == tuple.size() - 1 ? value : -1;
}

// The records written while handling one signal share its 8-digit sequence number: here as one
// integer, to compare in one step; 0 when the record is too short.
inline quint64 groupOf(QByteArrayView text)
{
    quint64 prefix = 0;
    if (text.size() >= 8)
        std::memcpy(&prefix, text.data(), 8);
    return prefix;
}

} // namespace CtiFlow::route
