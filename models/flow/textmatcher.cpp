// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textmatcher.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <mutex>
#include <tuple>

namespace CtiFlow {

TextMatcher::TextMatcher(const QList<QByteArray> &needles)
    : m_needles(needles.begin(), needles.end())
    , m_bitmap((size_t(1) << hashBits) / 64, 0)
    , m_start((size_t(1) << hashBits) + 1, 0)
{
    // The shortest needle that the windows cover sets the stride: each occurrence must hold one
    // window that starts at a multiple of it.
    qsizetype shortest = maxStride + 3;
    for (const QByteArray &needle : needles) {
        if (needle.size() >= 4)
            shortest = std::min(shortest, needle.size());
    }
    m_stride = std::clamp<qsizetype>(shortest - 3, 1, maxStride);
    std::vector<std::tuple<std::uint32_t, int, int>> byHash;
    for (qsizetype n = 0; n < needles.size(); ++n) {
        const QByteArray &needle = needles[n];
        if (needle.isEmpty())
            continue;
        if (needle.size() < 4) {
            m_short.push_back(int(n));
            continue;
        }
        for (qsizetype offset = 0; offset < m_stride; ++offset) {
            std::uint32_t word;
            std::memcpy(&word, needle.constData() + offset, 4);
            byHash.emplace_back(hash(word), int(n), int(offset));
        }
    }
    std::sort(byHash.begin(), byHash.end());
    byHash.erase(std::unique(byHash.begin(), byHash.end()), byHash.end());
    for (const auto &[h, needle, offset] : byHash) {
        m_bitmap[h >> 6] |= std::uint64_t(1) << (h & 63);
        ++m_start[h + 1];
        const QByteArray &bytes = m_needles[size_t(needle)];
        Candidate candidate{needle, offset, bytes.constData(), bytes.size()};
        const size_t headBytes = std::min<size_t>(8, size_t(bytes.size()));
        std::memcpy(&candidate.head, bytes.constData(), headBytes);
        std::array<unsigned char, 8> mask{};
        std::fill_n(mask.begin(), headBytes, 0xFF); // the needle's bytes, in any byte order
        std::memcpy(&candidate.headMask, mask.data(), 8);
        m_candidates.push_back(candidate);
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
