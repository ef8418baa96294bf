// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storedump.h"

#include <QDateTime>
#include <QTimeZone>

namespace CtiFlow {

namespace {

QByteArray escaped(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            out += "\\n";
        else if (c == '\\')
            out += "\\\\";
        else if (u < 0x20 || u >= 0x7F)
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

QByteArray shortPath(const QString &path, const QString &prefix)
{
    return (!prefix.isEmpty() && path.startsWith(prefix) ? path.mid(prefix.size()) : path).toUtf8();
}

void dumpRecord(QByteArray &out, const TraceStore &store, RecordIndex index)
{
    const RecordEntry &entry = store.entry(index);
    const RecordFields f = store.fields(index);
    out += QByteArray::number(index.value) + " f" + QByteArray::number(entry.file) + ":" +
           QByteArray::number(store.line(index).value) + " " +
           QDateTime::fromMSecsSinceEpoch(store.timeMs(index), QTimeZone::UTC).toString(Qt::ISODateWithMs).toLatin1() +
           " " + recordTypeName(entry.type).toLatin1() + " seq=" + escaped(f.sequence);
    if (entry.type == RecordType::Other)
        out += " typeName=" + escaped(f.typeName);
    if (isSignal(entry.type)) {
        out += " signal=" + escaped(store.signalName(index)) + " state=" + escaped(f.state) +
               " to=" + escaped(f.destination) + " from=" + escaped(f.source) + " tag=" + escaped(f.connectionTag) +
               " bracket=" + escaped(f.bracket);
    }
    out += " text=" + escaped(f.text) + '\n';
}

} // namespace

QByteArray dumpStore(const TraceStore &store, const QString &pathPrefix)
{
    QByteArray out = "# problems\n";
    for (const Problem &problem : store.problems()) {
        out += severityName(problem.severity).toUtf8() + " " + shortPath(problem.file, pathPrefix) + ":" +
               QByteArray::number(problem.line) + ": " + problem.reason.toUtf8() + '\n';
    }
    out += "# files\n";
    for (int i = 0; i < store.fileCount(); ++i) {
        const SourceFile &file = store.file(i);
        out += "f" + QByteArray::number(i) + " " + shortPath(file.path, pathPrefix) + " node=" + file.node.toUtf8() +
               " cucmNode=" + QByteArray::number(file.cucmNode) + " app=" + QByteArray::number(file.application) +
               " rotation=" + QByteArray::number(file.rotation) +
               " date=" + file.date.toString(Qt::ISODate).toLatin1() +
               " bytes=" + QByteArray::number(file.text.size()) + '\n';
    }
    out += "# records\n";
    for (qsizetype i = 0; i < store.recordCount(); ++i)
        dumpRecord(out, store, RecordIndex{i});
    return out;
}

} // namespace CtiFlow
