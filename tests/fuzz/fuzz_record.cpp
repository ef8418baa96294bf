// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: arbitrary bytes as the text of a trace file, through the record scanner, the store's
// timeline merge and the field parser.
#include "recordscanner.h"
#include "tracestore.h"

#include <cstddef>
#include <cstdint>

using namespace CtiFlow;

namespace {

void parseEveryRecord(const TraceStore &store)
{
    for (qsizetype i = 0; i < store.recordCount(); ++i) {
        const RecordIndex index{i};
        const QByteArrayView text = store.recordText(index);
        const RecordFields fields = store.fields(index);
        parseProcessTuple(fields.destination);
        parseProcessTuple(fields.source);
        parseTimeOfDay(fields.time);
        recordHeaderLength(text);
        trimmedField(fields.text);
        store.signalName(index);
        store.timeMs(index);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));

    // The same text twice, as two nodes' files, so that the timeline merge sees two runs; the second
    // copy is scanned with a short line limit (the first byte picks it) to reach the line-cut path.
    TraceStore store;
    SourceFile first;
    first.path = QStringLiteral("node1/SDL001_200_000001.txt");
    first.node = QStringLiteral("node1");
    first.text = text;
    store.indexFile(store.addFile(first));

    ScanOptions options;
    options.maxLineBytes = size > 0 ? 1 + data[0] : 1;
    SourceFile second = first;
    second.path = QStringLiteral("node2/SDL002_200_000001.txt");
    second.node = QStringLiteral("node2");
    second.date = QDate(2026, 1, 1);
    const int id = store.addFile(second);
    store.appendScanned(id, scanRecords(store.file(id).text, options));
    store.finalize();
    parseEveryRecord(store);

    store.setNodeClockOffset(QStringLiteral("node2"), -86'400'000);
    parseEveryRecord(store);
    return 0;
}
