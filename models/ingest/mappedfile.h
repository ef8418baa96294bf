// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QFile>
#include <QString>

namespace CtiFlow {

// A whole file mapped read-only into memory, for the lifetime of this object. On Linux the pages
// are mapped up front (MAP_POPULATE): faulting a cached 1 GB trace in page by page costs more
// system time than scanning it.
class MappedFile
{
public:
    MappedFile() = default;
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    // False with errorString() set when the file cannot be opened or mapped.
    bool open(const QString &path);
    QByteArrayView bytes() const { return {m_data, m_size}; }
    QString errorString() const { return m_error; }

private:
    QFile m_file; // fallback mapping through Qt where mmap is not available
    const char *m_data = nullptr;
    qsizetype m_size = 0;
    bool m_ownMapping = false;
    QString m_error;
};

} // namespace CtiFlow
