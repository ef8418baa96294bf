// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceloader.h"

#include "clientlog.h"
#include "ctierror.h"
#include "gzip.h"
#include "inputs.h"
#include "logging.h"
#include "mappedfile.h"
#include "recordscanner.h"
#include "tracepath.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStringDecoder>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrentMap>

#include <algorithm>
#include <iterator>
#include <mutex>
#include <numeric>

#include <unistd.h>

namespace CtiFlow {

namespace {

// One input after reading: its text, the records found and what went wrong.
struct ParsedFile
{
    SourceFile source;
    std::shared_ptr<const void> owner; // the mapped file source.text points into
    ScannedFile scanned;
    Problems problems;
    bool keep = false;
};

struct LoadContext
{
    TraceStore &store;
    const LoadOptions &options;
    LoadBudget &budget;
    const LoadProgressCallback &progress;
    const std::atomic_bool *cancelled;
    std::atomic<qint64> done = 0;
    qint64 total = 0;
    const LoadPreviewCallback *preview = nullptr;
    std::mutex previewMutex{};
    std::atomic_int previewsOffered = 0;
    std::atomic_bool previewTaken = false;

    bool isCancelled() const { return cancelled && cancelled->load(std::memory_order_relaxed); }
    void advance(qint64 bytes)
    {
        const qint64 now = done.fetch_add(bytes) + bytes;
        if (progress)
            progress(std::min(now, total), total);
    }
};

// Maps a file on disk; the returned owner keeps the mapping alive.
bool mapDiskFile(const QString &path, QByteArray &text, std::shared_ptr<const void> &owner, QString &error)
{
    auto file = std::make_shared<MappedFile>();
    if (!file->open(path)) {
        error = QStringLiteral("cannot be read: %1").arg(file->errorString());
        return false;
    }
    text = QByteArray::fromRawData(file->bytes().data(), file->bytes().size());
    owner = std::move(file);
    return true;
}

bool decompress(ParsedFile &parsed, LoadContext &context)
{
    GunzipResult result = gunzip(parsed.source.text, context.budget.remaining());
    const QString &path = parsed.source.path;
    if (result.status == GunzipResult::Status::LimitReached || !context.budget.take(result.output.size())) {
        parsed.problems.append({path, 0, context.budget.limitMessage(), Problem::Severity::Error});
        return false;
    }
    if (result.status == GunzipResult::Status::Truncated) {
        parsed.problems.append(
            {path, 0,
             QStringLiteral("%1; the first %2 decompressed bytes are kept").arg(result.error).arg(result.output.size()),
             Problem::Severity::Warning});
    }
    if (result.trailingBytes > 0) {
        parsed.problems.append(
            {path, 0, QStringLiteral("%1 bytes after the end of the gzip stream ignored").arg(result.trailingBytes),
             Problem::Severity::Warning});
    }
    parsed.source.text = std::move(result.output);
    parsed.owner.reset();
    return true;
}

// A text saved as UTF-16 (with a byte order mark, as Windows editors write it) as UTF-8.
bool convertUtf16(ParsedFile &parsed, LoadContext &context)
{
    const std::optional<QStringConverter::Encoding> encoding = QStringConverter::encodingForData(parsed.source.text);
    if (encoding != QStringConverter::Utf16LE && encoding != QStringConverter::Utf16BE)
        return true;
    QStringDecoder decoder(*encoding);
    QByteArray text = QString(decoder(parsed.source.text)).toUtf8();
    if (!context.budget.take(text.size())) {
        parsed.problems.append({parsed.source.path, 0, context.budget.limitMessage(), Problem::Severity::Error});
        return false;
    }
    parsed.problems.append(
        {parsed.source.path, 0, QStringLiteral("UTF-16 text, read as converted to UTF-8"), Problem::Severity::Info});
    parsed.source.text = std::move(text);
    parsed.owner.reset();
    return true;
}

// What CUCM told the client, as a Jabber client log reports it: the CTI error codes it holds.
void noteClientErrors(ParsedFile &parsed)
{
    for (const ClientError &error : clientErrors(parsed.source.text)) {
        QString reason = QStringLiteral("the client was told CTI error %1").arg(ctiErrorHex(error.code));
        if (error.count > 1)
            reason += QStringLiteral(" (%1 lines of this log report it)").arg(error.count);
        parsed.problems.append({parsed.source.path, error.line, reason, Problem::Severity::Info, error.code});
    }
}

bool readText(const InputFile &input, ParsedFile &parsed, LoadContext &context)
{
    SourceFile &source = parsed.source;
    source.path = input.displayPath;
    if (input.diskPath.isEmpty()) {
        source.text = input.data;
    } else {
        QString error;
        if (!mapDiskFile(input.diskPath, source.text, parsed.owner, error)) {
            parsed.problems.append({source.path, 0, error, Problem::Severity::Error});
            return false;
        }
    }
    if (source.text.isEmpty()) {
        parsed.problems.append({source.path, 0, QStringLiteral("skipped: empty file"), Problem::Severity::Info});
        return false;
    }
    if (const QString reason = skippedByName(source.path); !reason.isEmpty()) {
        parsed.problems.append({source.path, 0, reason, Problem::Severity::Info});
        return false;
    }
    if (isGzip(source.text) && !decompress(parsed, context))
        return false;
    if (!convertUtf16(parsed, context))
        return false;
    if (looksBinary(source.text)) {
        parsed.problems.append({source.path, 0, QStringLiteral("skipped: binary file"), Problem::Severity::Info});
        return false;
    }
    if (!looksLikeTrace(source.text)) {
        const QString reason = skippedTextReason(source.text);
        parsed.problems.append({source.path, 0, reason, Problem::Severity::Info});
        if (reason == jabberLogSkipReason())
            noteClientErrors(parsed);
        return false;
    }
    return true;
}

// Hands a file read completely to the preview callback, in a store of its own, until one preview is
// taken or maxPreviewFiles were offered: the text is shared, the records are copied before the main
// store rebases them.
void offerPreview(const ParsedFile &parsed, LoadContext &context)
{
    if (!parsed.keep || !context.preview || !*context.preview || context.isCancelled() || context.previewTaken ||
        context.previewsOffered >= maxPreviewFiles)
        return;
    const std::lock_guard lock(context.previewMutex);
    if (context.previewTaken || context.previewsOffered >= maxPreviewFiles)
        return;
    ++context.previewsOffered;
    auto store = std::make_shared<TraceStore>();
    ScannedFile scanned = parsed.scanned;
    store->appendScanned(store->addFile(parsed.source, parsed.owner), std::move(scanned));
    store->finalize();
    context.previewTaken = (*context.preview)(std::move(store));
}

ParsedFile parseInput(const InputFile &input, LoadContext &context)
{
    ParsedFile parsed;
    if (context.isCancelled())
        return parsed;
    if (readText(input, parsed, context)) {
        ScanOptions scan;
        scan.maxLineBytes = context.options.maxLineBytes;
        scan.cancelled = context.cancelled;
        // Progress in input bytes: a gzip file's compressed size is spread over its text.
        const double scale = parsed.source.text.isEmpty() ? 0.0 : double(input.weight) / parsed.source.text.size();
        qint64 reported = 0;
        scan.progress = [&](qint64 bytes) {
            const auto add = qint64(bytes * scale);
            reported += add;
            context.advance(add);
        };
        parsed.scanned = scanRecords(parsed.source.text, scan);
        context.advance(input.weight - reported);
        parsed.keep = !parsed.scanned.cancelled;
        const TracePathInfo info = tracePathInfo(input.displayPath);
        parsed.source.node = info.node;
        parsed.source.cucmNode = info.cucmNode;
        parsed.source.application = info.application;
        parsed.source.rotation = info.rotation;
        parsed.source.date = firstRecordDate(input.modified, parsed.scanned.lastTimeMs);
        offerPreview(parsed, context);
        if (parsed.keep)
            context.store.rebaseScanned(parsed.scanned, parsed.source.date);
    } else {
        context.advance(input.weight);
    }
    return parsed;
}

// Files in the order the store wants them: each node's files of one application by rotation.
void sortForStore(std::vector<ParsedFile> &files)
{
    std::stable_sort(files.begin(), files.end(), [](const ParsedFile &a, const ParsedFile &b) {
        const SourceFile &fa = a.source;
        const SourceFile &fb = b.source;
        if (fa.node != fb.node)
            return fa.node < fb.node;
        if (fa.application != fb.application)
            return fa.application < fb.application;
        return fa.rotation < fb.rotation;
    });
}

} // namespace

qint64 defaultMaxDecompressedBytes()
{
    constexpr qint64 ceiling = 16LL * 1024 * 1024 * 1024;
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0)
        return ceiling;
    return std::min(ceiling, qint64(pages) * pageSize / 2);
}

std::shared_ptr<TraceStore> loadTraces(const QStringList &paths, const LoadOptions &options,
                                       const LoadProgressCallback &progress, const std::atomic_bool *cancelled,
                                       const LoadPreviewCallback &preview)
{
    QElapsedTimer timer;
    timer.start();
    auto store = std::make_shared<TraceStore>();
    LoadBudget budget(options.maxDecompressedBytes);
    Problems problems;
    std::vector<InputFile> inputs = collectInputs(paths, options, budget, problems, cancelled);
    for (const LoadOptions::Text &text : options.texts) {
        // Compressed or archived text has NUL bytes; plain text may be quoted as in a mail.
        const QByteArray data = looksBinary(text.data) ? text.data : unquotedTrace(text.data);
        std::vector<InputFile> more = collectInputsFromData(data, text.name, options, budget, problems);
        std::move(more.begin(), more.end(), std::back_inserter(inputs));
    }

    const qint64 collectedMs = timer.elapsed();
    LoadContext context{*store, options, budget, progress, cancelled};
    for (const InputFile &input : inputs)
        context.total += input.weight;
    if (inputs.size() > 1)
        context.preview = &preview; // a single file's preview would be the whole bundle
    if (progress)
        progress(0, context.total);

    // A pool of our own: the caller may itself run on the global pool (LoadJob).
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    // Each file parsed into its own slot: results of hundreds of megabytes are never copied.
    std::vector<ParsedFile> parsed(inputs.size());
    std::vector<size_t> slots(inputs.size());
    std::iota(slots.begin(), slots.end(), size_t(0));
    QtConcurrent::blockingMap(&pool, slots, [&](size_t slot) { parsed[slot] = parseInput(inputs[slot], context); });

    const qint64 parsedMs = timer.elapsed();
    for (const ParsedFile &file : parsed)
        problems.append(file.problems);
    std::erase_if(parsed, [](const ParsedFile &file) { return !file.keep; });
    sortForStore(parsed);
    for (Problem &problem : problems)
        store->addProblem(std::move(problem));
    // Before any record is in, so that the one merge below already orders the shifted nodes.
    for (auto it = options.nodeClockOffsets.cbegin(); it != options.nodeClockOffsets.cend(); ++it)
        store->setNodeClockOffset(it.key(), it.value());
    std::vector<std::pair<int, std::vector<RecordEntry>>> records;
    records.reserve(parsed.size());
    for (ParsedFile &file : parsed) {
        const int id = store->addFile(std::move(file.source), std::move(file.owner));
        store->takeScanProblems(id, file.scanned);
        records.emplace_back(id, std::move(file.scanned.records));
    }
    parsed.clear();
    store->adoptRecords(std::move(records));
    const qint64 appendedMs = timer.elapsed();
    store->finalize();
    qCDebug(lcIngest) << "loaded" << store->recordCount() << "records from" << store->fileCount() << "files in"
                      << timer.elapsed() << "ms: inputs" << collectedMs << "parse" << parsedMs - collectedMs << "append"
                      << appendedMs - parsedMs << "merge" << timer.elapsed() - appendedMs;
    return store;
}

} // namespace CtiFlow
