// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "record.h"

#include "padding.h"

#include <QStringDecoder>

#include <array>

namespace CtiFlow {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Number of padding bytes at text[pos]: one for ' ' or '\t', two for UTF-8 U+00A0, else 0.
qsizetype paddingAt(QByteArrayView text, qsizetype pos)
{
    if (pos >= text.size())
        return 0;
    const char c = text[pos];
    if (c == ' ' || c == '\t')
        return 1;
    if (c == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0')
        return 2;
    return 0;
}

qsizetype skipPadding(QByteArrayView text, qsizetype pos)
{
    while (const qsizetype n = paddingAt(text, pos))
        pos += n;
    return pos;
}

bool digitsAt(QByteArrayView text, qsizetype pos, qsizetype count)
{
    if (pos + count > text.size())
        return false;
    for (qsizetype i = pos; i < pos + count; ++i) {
        if (!isDigit(text[i]))
            return false;
    }
    return true;
}

// The value of a run of digits; -1 when it has more digits than an int holds (garbled text).
int number(QByteArrayView digits)
{
    if (digits.size() > 9)
        return -1;
    int value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

RecordType typeFromName(QByteArrayView name)
{
    static constexpr std::array<std::pair<std::string_view, RecordType>, 6> names{{
        {"SdlSig", RecordType::SdlSig},
        {"SdlSig-I", RecordType::SdlSigIn},
        {"SdlSig-O", RecordType::SdlSigOut},
        {"AppInfo", RecordType::AppInfo},
        {"AppError", RecordType::AppError},
        {"SdlStat", RecordType::SdlStat},
    }};
    for (const auto &[text, type] : names) {
        if (name == QByteArrayView(text.data(), qsizetype(text.size())))
            return type;
    }
    return RecordType::Other;
}

// Splits off the next '|'-separated field starting at pos; pos moves past the separator.
QByteArrayView nextField(QByteArrayView text, qsizetype &pos)
{
    const qsizetype bar = text.indexOf('|', pos);
    const qsizetype end = bar < 0 ? text.size() : bar;
    const QByteArrayView field = text.sliced(pos, end - pos);
    pos = bar < 0 ? text.size() : bar + 1;
    return trimmedField(field);
}

} // namespace

QString recordTypeName(RecordType type)
{
    switch (type) {
    case RecordType::SdlSig:
        return QStringLiteral("SdlSig");
    case RecordType::SdlSigIn:
        return QStringLiteral("SdlSig-I");
    case RecordType::SdlSigOut:
        return QStringLiteral("SdlSig-O");
    case RecordType::AppInfo:
        return QStringLiteral("AppInfo");
    case RecordType::AppError:
        return QStringLiteral("AppError");
    case RecordType::SdlStat:
        return QStringLiteral("SdlStat");
    case RecordType::Other:
        break;
    }
    return QStringLiteral("Other");
}

QString displayText(QByteArrayView bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    return utf8.hasError() ? QString::fromLatin1(bytes) : text;
}

QByteArrayView trimmedField(QByteArrayView field)
{
    qsizetype begin = 0;
    while (const qsizetype n = paddingAt(field, begin))
        begin += n;
    qsizetype end = withoutTrailingSpaces(field.data() + begin, field.data() + field.size()) - field.data();
    while (end > begin) {
        const char c = field[end - 1];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            --end;
        else if (c == '\xA0' && end - 2 >= begin && field[end - 2] == '\xC2')
            end -= 2;
        else
            break;
    }
    return field.sliced(begin, end - begin);
}

qsizetype recordHeaderLength(QByteArrayView text)
{
    // NNNNNNNN.NNN
    if (!digitsAt(text, 0, 8) || text.size() < 12 || text[8] != '.' || !digitsAt(text, 9, 3))
        return 0;
    qsizetype pos = skipPadding(text, 12);
    if (pos >= text.size() || text[pos] != '|')
        return 0;
    // HH:MM:SS.mmm
    pos = skipPadding(text, pos + 1);
    if (!digitsAt(text, pos, 2) || pos + 12 > text.size() || text[pos + 2] != ':' || !digitsAt(text, pos + 3, 2) ||
        text[pos + 5] != ':' || !digitsAt(text, pos + 6, 2) || text[pos + 8] != '.' || !digitsAt(text, pos + 9, 3))
        return 0;
    pos = skipPadding(text, pos + 12);
    if (pos >= text.size() || text[pos] != '|')
        return 0;
    return pos + 1;
}

int parseTimeOfDay(QByteArrayView time)
{
    if (time.size() != 12 || time[2] != ':' || time[5] != ':' || time[8] != '.' || !digitsAt(time, 0, 2) ||
        !digitsAt(time, 3, 2) || !digitsAt(time, 6, 2) || !digitsAt(time, 9, 3))
        return -1;
    const int h = number(time.sliced(0, 2));
    const int m = number(time.sliced(3, 2));
    const int s = number(time.sliced(6, 2));
    if (h > 23 || m > 59 || s > 59)
        return -1;
    return ((h * 60 + m) * 60 + s) * 1000 + number(time.sliced(9, 3));
}

ProcessTuple parseProcessTuple(QByteArrayView field)
{
    ProcessTuple tuple;
    field = trimmedField(field);
    const qsizetype open = field.indexOf('(');
    if (open <= 0 || !field.endsWith(')'))
        return tuple;
    std::array<int, 4> numbers{-1, -1, -1, -1};
    qsizetype pos = open + 1;
    for (int &n : numbers) {
        qsizetype end = pos;
        while (end < field.size() && isDigit(field[end]))
            ++end;
        if (end > pos)
            n = number(field.sliced(pos, end - pos));
        if (end >= field.size() || (field[end] != ',' && field[end] != ')'))
            return tuple;
        pos = end + 1;
        if (field[end] == ')')
            break;
    }
    tuple.name = trimmedField(field.first(open));
    tuple.node = numbers[0];
    tuple.application = numbers[1];
    tuple.type = numbers[2];
    tuple.instance = numbers[3];
    return tuple;
}

bool parseRecordFields(QByteArrayView record, RecordFields &fields)
{
    fields = {};
    const qsizetype header = recordHeaderLength(record);
    if (header == 0)
        return false;
    fields.sequence = record.first(12);
    qsizetype pos = record.indexOf('|') + 1;
    fields.time = nextField(record, pos);
    Q_ASSERT(pos == header);

    // The type field ends at the next '|'. A record whose text is on the next line ends its first
    // line right after the type's '|'.
    fields.typeName = nextField(record, pos);
    fields.type = typeFromName(fields.typeName);
    if (!isSignal(fields.type)) {
        // A record whose text starts on the next line (domain notes 1.1) keeps the text, not the break.
        qsizetype textStart = pos;
        while (textStart < record.size() && (record[textStart] == '\r' || record[textStart] == '\n' ||
                                             record[textStart] == ' ' || record[textStart] == '\t'))
            ++textStart;
        fields.text = trimmedField(record.sliced(textStart));
        return true;
    }
    // Fixed fields never contain '|'; the parameters after them keep theirs.
    fields.signal = nextField(record, pos);
    fields.state = nextField(record, pos);
    fields.destination = nextField(record, pos);
    fields.source = nextField(record, pos);
    fields.connectionTag = nextField(record, pos);
    const QByteArrayView rest = trimmedField(record.sliced(pos));
    if (rest.startsWith('[')) {
        const qsizetype close = rest.indexOf(']');
        const qsizetype end = close < 0 ? rest.size() : close + 1;
        fields.bracket = rest.first(end);
        fields.text = trimmedField(rest.sliced(end));
    } else if (rest.startsWith("*TraceFlagOverrode")) {
        fields.bracket = rest.first(18);
        fields.text = trimmedField(rest.sliced(18));
    } else {
        fields.text = rest;
    }
    return true;
}

} // namespace CtiFlow
