// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputs.h"

#include "gzip.h"
#include "logging.h"

#include <KArchiveDirectory>
#include <KArchiveFile>
#include <KTar>
#include <KZip>
#include <KZipFileEntry>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <memory>

#ifdef CTIFLOW_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

namespace CtiFlow {

namespace {

enum class Kind
{
    Zip,
    Tar,
    GzipTar,
    File,
};

Kind kindOf(QByteArrayView head, QByteArrayView whole)
{
    if (isZip(head))
        return Kind::Zip;
    if (isTar(head))
        return Kind::Tar;
    if (isGzip(head) && isTar(gunzipHead(whole, 512)))
        return Kind::GzipTar;
    return Kind::File;
}

// KZip does not check the CRC-32 of what it reads: a damaged member is reported, its content kept.
void checkCrc(const KArchiveFile *file, const QByteArray &data, const QString &display, Problems &problems)
{
#ifdef CTIFLOW_HAVE_LIBDEFLATE
    const auto *zipped = dynamic_cast<const KZipFileEntry *>(file);
    if (!zipped)
        return;
    const quint32 crc = libdeflate_crc32(0, data.constData(), size_t(data.size()));
    if (crc != zipped->crc32()) {
        problems.append({display, 0,
                         QStringLiteral("CRC-32 of the archive member does not match (stored %1, read %2): the "
                                        "content may be damaged")
                             .arg(zipped->crc32(), 8, 16, QLatin1Char('0'))
                             .arg(crc, 8, 16, QLatin1Char('0')),
                         Problem::Severity::Warning});
    }
#else
    Q_UNUSED(file)
    Q_UNUSED(data)
    Q_UNUSED(display)
    Q_UNUSED(problems)
#endif
}

class Collector
{
public:
    Collector(const LoadOptions &options, LoadBudget &budget, Problems &problems, const std::atomic_bool *cancelled)
        : m_options(options)
        , m_budget(budget)
        , m_problems(problems)
        , m_cancelled(cancelled)
    {}

    void path(const QString &path);
    void data(QByteArray data, const QString &display) { member(std::move(data), display, {}, 0); }
    std::vector<InputFile> take() { return std::move(m_inputs); }

private:
    bool cancelled() const { return m_cancelled && m_cancelled->load(); }
    void listFolder(const QString &dir, QStringList &files, QStringList &walking);
    void diskFile(const QFileInfo &info);
    void archive(Kind kind, QByteArray data, const QString &display, int depth);
    void archiveDirectory(const KArchiveDirectory *dir, const QString &prefix, int depth);
    void member(QByteArray data, const QString &display, const QDateTime &modified, int depth);
    void problem(const QString &file, const QString &reason, Problem::Severity severity = Problem::Severity::Error)
    {
        m_problems.append({file, 0, reason, severity});
    }

    const LoadOptions &m_options;
    LoadBudget &m_budget;
    Problems &m_problems;
    const std::atomic_bool *m_cancelled;
    std::vector<InputFile> m_inputs;
};

void Collector::path(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        problem(path, QStringLiteral("no such file or folder"));
        return;
    }
    if (!info.isDir()) {
        diskFile(info);
        return;
    }
    QStringList files;
    QStringList walking{info.canonicalFilePath()};
    listFolder(path, files, walking);
    files.sort();
    for (const QString &file : std::as_const(files)) {
        if (cancelled())
            return;
        diskFile(QFileInfo(file));
    }
}

// Lists the files below dir, folders through symbolic links included. walking holds the canonical
// paths of dir and the folders above it: a link back to one of them is a loop and is not followed.
void Collector::listFolder(const QString &dir, QStringList &files, QStringList &walking)
{
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (!entry.isDir()) {
            files.append(entry.filePath());
            continue;
        }
        const QString canonical = entry.canonicalFilePath();
        if (walking.contains(canonical)) {
            problem(entry.filePath(),
                    QStringLiteral("symbolic link loop: leads back to %1; not followed").arg(canonical),
                    Problem::Severity::Warning);
            continue;
        }
        walking.append(canonical);
        listFolder(entry.filePath(), files, walking);
        walking.removeLast();
    }
}

void Collector::diskFile(const QFileInfo &info)
{
    const QString path = info.filePath();
    if (info.isSymLink() && !info.exists()) {
        problem(path, QStringLiteral("symbolic link leads nowhere (missing target or a loop of links): %1")
                          .arg(info.symLinkTarget()));
        return;
    }
    if (!info.isFile()) {
        problem(path, QStringLiteral("not a regular file (a FIFO, socket or device); not read"));
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problem(path, QStringLiteral("cannot be read: %1").arg(file.errorString()));
        return;
    }
    // 64 KiB of a gzip stream are plenty to decompress a tar header from.
    const QByteArray head = file.read(64 * 1024);
    const Kind kind = kindOf(QByteArrayView(head).first(std::min<qsizetype>(head.size(), 512)), head);
    if (kind == Kind::File) {
        m_inputs.push_back({path, path, {}, info.lastModified(), info.size()});
        return;
    }
    file.seek(0);
    if (!m_budget.take(info.size())) {
        problem(path, m_budget.limitMessage());
        return;
    }
    archive(kind, file.readAll(), path, 1);
}

void Collector::archive(Kind kind, QByteArray data, const QString &display, int depth)
{
    if (depth > m_options.maxArchiveDepth) {
        problem(display,
                QStringLiteral("archive nested more than %1 levels deep; not opened (LoadOptions::maxArchiveDepth)")
                    .arg(m_options.maxArchiveDepth));
        return;
    }
    if (kind == Kind::GzipTar) {
        GunzipResult tar = gunzip(data, m_budget.remaining());
        if (tar.status == GunzipResult::Status::LimitReached || !m_budget.take(tar.output.size())) {
            problem(display, m_budget.limitMessage());
            return;
        }
        if (tar.status != GunzipResult::Status::Complete)
            problem(display, tar.error, Problem::Severity::Warning);
        data = std::move(tar.output);
        kind = Kind::Tar;
    }
    QBuffer buffer(&data);
    std::unique_ptr<KArchive> reader;
    if (kind == Kind::Zip)
        reader = std::make_unique<KZip>(&buffer);
    else
        reader = std::make_unique<KTar>(&buffer);
    if (!reader->open(QIODevice::ReadOnly)) {
        problem(display, QStringLiteral("damaged or unsupported archive: %1").arg(reader->errorString()));
        return;
    }
    qCDebug(lcIngest) << "reading archive" << display;
    archiveDirectory(reader->directory(), display + QLatin1Char('!'), depth);
}

void Collector::archiveDirectory(const KArchiveDirectory *dir, const QString &prefix, int depth)
{
    QStringList names = dir->entries();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        if (cancelled())
            return;
        const KArchiveEntry *entry = dir->entry(name);
        if (entry->isDirectory()) {
            archiveDirectory(static_cast<const KArchiveDirectory *>(entry), prefix + name + QLatin1Char('/'), depth);
            continue;
        }
        const auto *file = static_cast<const KArchiveFile *>(entry);
        const QString display = prefix + name;
        if (!m_budget.take(file->size())) {
            problem(display, m_budget.limitMessage());
            continue; // smaller members may still fit
        }
        QByteArray data = file->data();
        if (data.size() != file->size()) {
            problem(
                display,
                QStringLiteral("damaged archive member: %1 of %2 bytes readable").arg(data.size()).arg(file->size()));
            continue;
        }
        checkCrc(file, data, display, m_problems);
        member(std::move(data), display, entry->date(), depth);
    }
}

void Collector::member(QByteArray data, const QString &display, const QDateTime &modified, int depth)
{
    const Kind kind = kindOf(QByteArrayView(data).first(std::min<qsizetype>(data.size(), 512)), data);
    if (kind != Kind::File) {
        archive(kind, std::move(data), display, depth + 1);
        return;
    }
    const qint64 weight = data.size();
    m_inputs.push_back({display, {}, std::move(data), modified, weight});
}

} // namespace

bool LoadBudget::take(qint64 bytes)
{
    qint64 now = used.load();
    do {
        if (now + bytes > limit)
            return false;
    } while (!used.compare_exchange_weak(now, now + bytes));
    return true;
}

QString LoadBudget::limitMessage() const
{
    return QStringLiteral("not read: the bundle decompresses to more than %1 (LoadOptions::maxDecompressedBytes)")
        .arg(QLocale::c().formattedDataSize(limit));
}

std::vector<InputFile> collectInputs(const QStringList &paths, const LoadOptions &options, LoadBudget &budget,
                                     Problems &problems, const std::atomic_bool *cancelled)
{
    Collector collector(options, budget, problems, cancelled);
    for (const QString &path : paths) {
        if (cancelled && cancelled->load())
            break;
        collector.path(path);
    }
    return collector.take();
}

std::vector<InputFile> collectInputsFromData(QByteArray data, const QString &display, const LoadOptions &options,
                                             LoadBudget &budget, Problems &problems)
{
    Collector collector(options, budget, problems, nullptr);
    collector.data(std::move(data), display);
    return collector.take();
}

} // namespace CtiFlow
