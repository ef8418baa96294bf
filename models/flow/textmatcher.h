// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace CtiFlow {

// Finds any of many fixed strings in one pass over a text. Each position's next four bytes are
// hashed into a bitmap that fits the L1 cache; only a set bit leads to comparing the needles with
// that hash. Positions are independent, so the scan runs at about one cycle per byte, where a
// state machine (Aho-Corasick) waits on a table load per byte.
class TextMatcher
{
public:
    explicit TextMatcher(const QList<QByteArray> &needles = {});

    // A matcher for these needles, built once per process and shared between threads: an analysis
    // of a small store (a preview, a fuzz input) would otherwise spend most of its time building it.
    static std::shared_ptr<const TextMatcher> shared(const QList<QByteArray> &needles);

    // Calls found(needleIndex) for every needle occurring in text (a needle may be reported more
    // than once when it occurs more than once).
    template<typename Found>
    void scan(QByteArrayView text, Found &&found) const
    {
        const char *data = text.data();
        const qsizetype size = text.size();
        for (qsizetype i = 0; i + 4 <= size; ++i) {
            std::uint32_t word;
            std::memcpy(&word, data + i, 4);
            const std::uint32_t h = hash(word);
            if (m_bitmap[h >> 6] & (std::uint64_t(1) << (h & 63)))
                verify(text, i, h, found);
        }
        for (const int needle : m_short) {
            if (text.contains(m_needles[size_t(needle)]))
                found(needle);
        }
    }

private:
    static constexpr int hashBits = 16;
    static std::uint32_t hash(std::uint32_t word) { return (word * 0x9E3779B1u) >> (32 - hashBits); }

    template<typename Found>
    void verify(QByteArrayView text, qsizetype at, std::uint32_t h, Found &found) const
    {
        for (std::uint32_t c = m_start[h]; c < m_start[h + 1]; ++c) {
            const QByteArray &needle = m_needles[size_t(m_candidates[c])];
            if (at + needle.size() <= text.size() &&
                std::memcmp(text.data() + at, needle.constData(), size_t(needle.size())) == 0)
                found(m_candidates[c]);
        }
    }

    std::vector<QByteArray> m_needles;
    std::vector<std::uint64_t> m_bitmap; // 2^hashBits bits
    std::vector<std::uint32_t> m_start;  // hash -> first candidate (2^hashBits + 1 entries)
    std::vector<int> m_candidates;       // needle indexes grouped by hash of their first 4 bytes
    std::vector<int> m_short;            // needles under 4 bytes, searched directly
};

} // namespace CtiFlow
