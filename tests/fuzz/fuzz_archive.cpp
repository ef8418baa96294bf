// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: arbitrary bytes as one input file (zip, tar, tar.gz, gzip or text, nested archives
// included) through the archive reader, gunzip and the record scanner, as the loader reads them.
#include "gzip.h"
#include "inputs.h"
#include "recordscanner.h"
#include "tracepath.h"

#include <cstddef>
#include <cstdint>

using namespace CtiFlow;

namespace {

// Small limits: a few kilobytes of input must not make the target allocate gigabytes, and an input that
// inflates to the limit must stay fast to run.
LoadOptions fuzzOptions()
{
    LoadOptions options;
    options.maxDecompressedBytes = 1024 * 1024;
    options.maxArchiveDepth = 3;
    options.maxLineBytes = 4096;
    return options;
}

void readInput(const InputFile &input, const LoadOptions &options, LoadBudget &budget)
{
    QByteArray text = input.data;
    if (isGzip(text)) {
        GunzipResult result = gunzip(text, budget.remaining());
        if (result.status == GunzipResult::Status::LimitReached || !budget.take(result.output.size()))
            return;
        text = std::move(result.output);
    }
    if (looksBinary(text) || !looksLikeTrace(text))
        return;
    ScanOptions scan;
    scan.maxLineBytes = options.maxLineBytes;
    const ScannedFile scanned = scanRecords(text, scan);
    tracePathInfo(input.displayPath);
    firstRecordDate(input.modified, scanned.lastTimeMs);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const LoadOptions options = fuzzOptions();
    LoadBudget budget(options.maxDecompressedBytes);
    Problems problems;
    const std::vector<InputFile> inputs =
        collectInputsFromData(bytes, QStringLiteral("bundle.zip"), options, budget, problems);
    for (const InputFile &input : inputs)
        readInput(input, options, budget);
    for (const Problem &problem : std::as_const(problems))
        problem.toString();
    return 0;
}
