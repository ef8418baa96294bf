// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ctierror.h"

#include <algorithm>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace CtiFlow {

namespace {

constexpr quint32 ctiErrorBase = 0x8CCC0000u;

bool isCtiError(qint64 value)
{
    const auto code = quint32(value);
    return (value >= 0 ? value <= 0xFFFFFFFFLL : value >= -0x80000000LL) && (code & 0xFFFF0000u) == ctiErrorBase;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A hex code at text[pos] ("0x" already checked), or nothing.
std::optional<quint32> hexAt(QByteArrayView text, qsizetype pos)
{
    quint64 value = 0;
    qsizetype i = pos;
    for (; i < text.size() && hexValue(text[i]) >= 0; ++i) {
        if (i - pos >= 8)
            return std::nullopt;
        value = value * 16 + quint64(hexValue(text[i]));
    }
    if (i - pos != 8 || !isCtiError(qint64(value)))
        return std::nullopt;
    return quint32(value);
}

// A decimal number starting at text[pos] (optionally with '-'), or nothing; end receives its end.
std::optional<quint32> decimalAt(QByteArrayView text, qsizetype pos, qsizetype &end)
{
    const bool negative = text[pos] == '-';
    qsizetype i = negative ? pos + 1 : pos;
    qint64 value = 0;
    const qsizetype start = i;
    for (; i < text.size() && isDigit(text[i]); ++i) {
        if (i - start >= 11) {
            value = -1;
            break;
        }
        value = value * 10 + (text[i] - '0');
    }
    while (i < text.size() && isDigit(text[i]))
        ++i;
    end = i;
    if (i == start || value < 0)
        return std::nullopt;
    const qint64 signedValue = negative ? -value : value;
    if (!isCtiError(signedValue))
        return std::nullopt;
    return quint32(signedValue);
}

// Where a code may begin at the earliest, or -1 when text can hold none: every spelling needs "x"
// and eight hex digits after it, or ten decimal digits in a row. Looks at sixteen bytes per step of
// six, so that every such run lies inside one of the windows; the first window that holds one holds
// the earliest.
qsizetype firstCandidate(QByteArrayView text)
{
    const char *data = text.data();
    const qsizetype size = text.size();
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i lowercase = _mm_set1_epi8(0x20);
    const __m128i belowZero = _mm_set1_epi8('0' - 1);
    const __m128i aboveNine = _mm_set1_epi8('9' + 1);
    const __m128i belowA = _mm_set1_epi8('a' - 1);
    const __m128i aboveF = _mm_set1_epi8('f' + 1);
    const __m128i x = _mm_set1_epi8('x');
    for (; i + 16 <= size; i += 6) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        const __m128i digits = _mm_and_si128(_mm_cmpgt_epi8(chunk, belowZero), _mm_cmpgt_epi8(aboveNine, chunk));
        // Or-ing 0x20 turns A-F into a-f and X into x.
        const __m128i lower = _mm_or_si128(chunk, lowercase);
        const __m128i letters = _mm_and_si128(_mm_cmpgt_epi8(lower, belowA), _mm_cmpgt_epi8(aboveF, lower));
        unsigned decimal = unsigned(_mm_movemask_epi8(digits));
        unsigned hex = unsigned(_mm_movemask_epi8(_mm_or_si128(digits, letters)));
        const unsigned marks = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(lower, x)));
        hex &= hex >> 1;
        hex &= hex >> 2;
        hex &= hex >> 4; // bit p: hex digits at p to p + 7
        decimal &= decimal >> 1;
        decimal &= decimal >> 2;
        decimal &= (decimal >> 4) & (decimal >> 6); // bit p: digits at p to p + 9
        if (const unsigned found = (marks & (hex >> 1)) | decimal; found != 0)
            return i + std::countr_zero(found);
    }
#endif
    const qsizetype tail = i; // runs that start before it were inside the last window
    int hexRun = 0;
    int decimalRun = 0;
    bool marked = false;
    for (; i < size; ++i) {
        const char c = data[i];
        decimalRun = isDigit(c) ? decimalRun + 1 : 0;
        if (hexValue(c) >= 0) {
            if (++hexRun >= 8 && marked)
                return tail;
        } else {
            marked = c == 'x' || c == 'X';
            hexRun = 0;
        }
        if (decimalRun >= 10)
            return tail;
    }
    return -1;
}

// A byte that the scan below may read as part of a number or skip over with one.
bool inToken(char c)
{
    return hexValue(c) >= 0 || c == 'x' || c == 'X' || c == '.' || c == '-';
}

} // namespace

std::optional<quint32> findCtiErrorCode(QByteArrayView text)
{
    // The scan reads left to right and skips over the numbers it reads, so it starts at the
    // beginning of the word that holds the first candidate ("0" before "x"), where it would be in
    // the same state had it started at the beginning.
    qsizetype start = firstCandidate(text);
    if (start < 0)
        return std::nullopt;
    start = std::max<qsizetype>(0, start - 1);
    while (start > 0 && inToken(text[start - 1]))
        --start;
    for (qsizetype i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
            if (const auto code = hexAt(text, i + 2))
                return code;
            i += 1;
            continue;
        }
        if ((isDigit(c) || (c == '-' && i + 1 < text.size() && isDigit(text[i + 1]))) &&
            (i == 0 || !(isDigit(text[i - 1]) || hexValue(text[i - 1]) >= 0 || text[i - 1] == '.'))) {
            qsizetype end = i;
            if (const auto code = decimalAt(text, i, end))
                return code;
            i = end > i ? end - 1 : i;
        }
    }
    return std::nullopt;
}

std::optional<quint32> parseCtiErrorCode(QByteArrayView text)
{
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.startsWith("0x") || trimmed.startsWith("0X"))
        return trimmed.size() == 10 ? hexAt(trimmed, 2) : std::nullopt;
    if (trimmed.isEmpty())
        return std::nullopt;
    qsizetype end = 0;
    const auto code = decimalAt(trimmed, 0, end);
    return end == trimmed.size() ? code : std::nullopt;
}

QString ctiErrorHex(quint32 code)
{
    return QStringLiteral("0x") + QString::number(code, 16).toUpper().rightJustified(8, QLatin1Char('0'));
}

QString ctiErrorUnsigned(quint32 code)
{
    return QString::number(code);
}

QString ctiErrorSigned(quint32 code)
{
    return QString::number(qint32(code));
}

} // namespace CtiFlow
