// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: arbitrary record streams through the session analysis and its JSON output. A form
// feed in the input starts the next file (up to four, each on a node of its own), so that sessions see
// records of several CTI Managers merged into one timeline.
#include "analyzer.h"
#include "sessionjson.h"
#include "tracestore.h"

#include <cstddef>
#include <cstdint>

using namespace CtiFlow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> texts = bytes.split('\f').mid(0, 4);
    TraceStore store;
    QStringList inputs;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        SourceFile file;
        file.node = QStringLiteral("node%1").arg(i + 1);
        file.cucmNode = int(i + 1);
        file.application = 200;
        file.path = QStringLiteral("%1/SDL00%2_200_000001.txt").arg(file.node).arg(i + 1);
        file.date = QDate(2026, 3, 2);
        file.text = texts[i];
        inputs.append(file.path);
        store.indexFile(store.addFile(std::move(file)));
    }
    store.finalize();
    const QList<Session> sessions = analyzeSessions(store);
    for (const Session &session : sessions)
        sessionLine(session);
    analysisToJson(store, inputs, sessions);
    return 0;
}
