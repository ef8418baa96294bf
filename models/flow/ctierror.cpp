// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ctierror.h"

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

} // namespace

std::optional<quint32> findCtiErrorCode(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
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
