// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textmatcher.h"

#include <QHash>

#include <algorithm>
#include <mutex>

namespace CtiFlow {

TextMatcher::TextMatcher(const QList<QByteArray> &needles)
    : m_needles(needles.begin(), needles.end())
    , m_bitmap((size_t(1) << hashBits) / 64, 0)
    , m_start((size_t(1) << hashBits) + 1, 0)
{
    std::vector<std::pair<std::uint32_t, int>> byHash;
    for (qsizetype n = 0; n < needles.size(); ++n) {
        const QByteArray &needle = needles[n];
        if (needle.isEmpty())
            continue;
        if (needle.size() < 4) {
            m_short.push_back(int(n));
            continue;
        }
        std::uint32_t word;
        std::memcpy(&word, needle.constData(), 4);
        byHash.emplace_back(hash(word), int(n));
    }
    std::sort(byHash.begin(), byHash.end());
    for (const auto &[h, needle] : byHash) {
        m_bitmap[h >> 6] |= std::uint64_t(1) << (h & 63);
        ++m_start[h + 1];
        m_candidates.push_back(needle);
    }
    for (size_t h = 1; h < m_start.size(); ++h)
        m_start[h] += m_start[h - 1];
}

std::shared_ptr<const TextMatcher> TextMatcher::shared(const QList<QByteArray> &needles)
{
    static std::mutex mutex;
    static QHash<QList<QByteArray>, std::shared_ptr<const TextMatcher>> cache;
    constexpr qsizetype maxCached = 8; // rules files in use at once; more only in tests
    const std::lock_guard lock(mutex);
    if (const auto found = cache.constFind(needles); found != cache.constEnd())
        return *found;
    if (cache.size() >= maxCached)
        cache.clear();
    auto matcher = std::make_shared<const TextMatcher>(needles);
    cache.insert(needles, matcher);
    return matcher;
}

} // namespace CtiFlow
