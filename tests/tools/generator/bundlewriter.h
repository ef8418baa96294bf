// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionscript.h"

#include <QDate>
#include <QRandomGenerator>
#include <QString>

#include <memory>
#include <vector>

class KZip;

namespace CtiFlow::Gen {

enum class Style
{
    Padded,    // fixed-width fields as CUCM writes them
    Collapsed, // one space before each '|', as on TAC pages
};

struct BundleOptions
{
    QString outputDir;
    QDate date;
    int nodes = 2;
    qint64 fileSize = 4 * 1024 * 1024; // uncompressed bytes per rotated file
    bool gzip = false;
    bool zip = false;
    quint32 seed = 1;
};

// Writes the records of every node into rotated SDLnnn_200_nnnnnn.txt[.gz] files, in per-node folders
// laid out like an RTMT download, or into one zip.
class BundleWriter
{
public:
    explicit BundleWriter(const BundleOptions &options);
    ~BundleWriter();

    bool open(QString *error);
    void writeGroup(int node, qint64 timeMs, const Group &group);
    void writeNoise(int node, qint64 timeMs, QRandomGenerator &random);
    bool finish(QString *error);

    qint64 bytesWritten() const { return m_bytes; }
    Numbering numbering(int node) const;
    Style style(int node) const;
    QString host(int node) const { return QStringLiteral("cucm%1").arg(node); }
    QStringList files() const { return m_files; }

private:
    struct NodeState
    {
        QByteArray buffer;
        quint32 sequence = 0;
        int rotation = 0;
        qint64 lastTimeMs = 0;
    };

    void appendRecord(int node, QByteArrayView sequence, qint64 timeMs, QByteArrayView type, QByteArrayView rest);
    void appendSignal(int node, QByteArrayView sequence, qint64 timeMs, const SignalSpec &signal);
    void rotate(int node);
    QByteArray sequenceText(quint32 group, int sub) const;
    bool store(const QString &relativePath, const QByteArray &data, qint64 lastTimeMs);

    BundleOptions m_options;
    std::vector<NodeState> m_nodes;
    std::unique_ptr<KZip> m_zip;
    QStringList m_files;
    QString m_error;
    qint64 m_bytes = 0;
};

} // namespace CtiFlow::Gen
