// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace CtiFlow {

// The third field of an SDL trace record.
enum class RecordType : std::uint8_t
{
    SdlSig,    // signal inside one application
    SdlSigIn,  // SdlSig-I: signal from another application or node
    SdlSigOut, // SdlSig-O: signal to another application
    AppInfo,
    AppError,
    SdlStat,
    Other, // any other type, kept as text
};

QString recordTypeName(RecordType type);
inline bool isSignal(RecordType type)
{
    return type == RecordType::SdlSig || type == RecordType::SdlSigIn || type == RecordType::SdlSigOut;
}

// Position of a record in a TraceStore's merged timeline.
struct RecordIndex
{
    qsizetype value = -1;
    bool isValid() const { return value >= 0; }
    friend bool operator==(RecordIndex, RecordIndex) = default;
    friend auto operator<=>(RecordIndex, RecordIndex) = default;
};

// 1-based physical line number in the file as the user has it.
struct LineNumber
{
    qint64 value = 0;
    friend bool operator==(LineNumber, LineNumber) = default;
};

// A process tuple as traced: Name(node,application,type,instance). The type number differs between
// CUCM releases, so rules match on the name only.
struct ProcessTuple
{
    QByteArrayView name;
    int node = -1;
    int application = -1;
    int type = -1;
    int instance = -1;

    bool isValid() const { return !name.isEmpty(); }
};

ProcessTuple parseProcessTuple(QByteArrayView field);

// The fields of one record, as views into the trace text. Valid while the text is alive.
struct RecordFields
{
    QByteArrayView sequence; // "00895261.000"
    QByteArrayView time;     // "08:59:17.058"
    QByteArrayView typeName; // "SdlSig-I"
    RecordType type = RecordType::Other;
    // Signal records only (SdlSig, SdlSig-I, SdlSig-O).
    QByteArrayView signal;
    QByteArrayView state;       // state of the receiving process
    QByteArrayView destination; // receiver, e.g. "Directory(1,200,23,1)"
    QByteArrayView source;      // sender
    QByteArrayView connectionTag;
    QByteArrayView bracket; // "[T:N-H:0,...]" or "*TraceFlagOverrode", kept opaque
    // Free text of AppInfo/AppError/SdlStat/other records, or the signal parameters. Keeps its own '|'
    // (DH=1|38) and, for records continued on following lines, the line breaks.
    QByteArrayView text;
};

// Splits one record (its first line plus any continuation lines) into fields. Returns false when
// the text does not start with a record header.
bool parseRecordFields(QByteArrayView record, RecordFields &fields);

// "HH:MM:SS.mmm" to milliseconds since midnight, or -1.
int parseTimeOfDay(QByteArrayView time);

// Length of the record header ("NNNNNNNN.NNN |HH:MM:SS.mmm |", any padding) at the start of text,
// or 0 when text does not start with one. Padding may be spaces, tabs or U+00A0.
qsizetype recordHeaderLength(QByteArrayView text);

// Text of a trace field for display: UTF-8 when it is valid UTF-8, else Latin-1, so that bytes of
// other encodings stay visible instead of turning into replacement characters.
QString displayText(QByteArrayView bytes);

// Trims ASCII whitespace and UTF-8 encoded U+00A0 from both ends.
QByteArrayView trimmedField(QByteArrayView field);

} // namespace CtiFlow
