// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mappedfile.h"

#if defined(Q_OS_UNIX)
#include <sys/mman.h>
#endif

namespace CtiFlow {

MappedFile::~MappedFile()
{
#if defined(Q_OS_UNIX)
    if (m_ownMapping)
        munmap(const_cast<char *>(m_data), size_t(m_size));
#endif
}

bool MappedFile::open(const QString &path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error = m_file.errorString();
        return false;
    }
    m_size = qsizetype(m_file.size());
    if (m_size == 0)
        return true;
#if defined(Q_OS_UNIX)
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    flags |= MAP_POPULATE;
#endif
    void *map = mmap(nullptr, size_t(m_size), PROT_READ, flags, m_file.handle(), 0);
    if (map != MAP_FAILED) {
        m_data = static_cast<const char *>(map);
        m_ownMapping = true;
        return true;
    }
#endif
    if (uchar *qtMap = m_file.map(0, m_size)) {
        m_data = reinterpret_cast<const char *>(qtMap);
        return true;
    }
    m_error = m_file.errorString();
    return false;
}

} // namespace CtiFlow
