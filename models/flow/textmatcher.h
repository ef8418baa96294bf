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

// Finds any of many fixed strings in one pass over a text.
//
// Every needle is at least stride + 3 bytes long, so each of its occurrences covers one position
// that is a multiple of the stride together with the three bytes after it. The scan therefore looks
// only at every stride-th position: it hashes the four bytes there into a bitmap that fits the L1
// cache, in which each needle has set the hashes of its first stride four-byte windows. Only a set
// bit leads to comparing the needles whose window has that hash. With the shipped rules the stride
// is four: a quarter of the work of looking at every byte, where a state machine (Aho-Corasick)
// would wait on a table load per byte.
class TextMatcher
{
public:
    explicit TextMatcher(const QList<QByteArray> &needles = {});

    // A matcher for these needles, built once per process and shared between threads: an analysis
    // of a small store (a preview, a fuzz input) would otherwise spend most of its time building it.
    static std::shared_ptr<const TextMatcher> shared(const QList<QByteArray> &needles);

    // Positions between the four-byte windows the scan looks at (1 to maxStride).
    int stride() const { return int(m_stride); }

    // Calls found(needleIndex, position) for every occurrence of a needle in text, in no particular
    // order. Needles under four bytes are reported at their first occurrence only.
    template<typename Found>
    void scan(QByteArrayView text, Found &&found) const
    {
        // Locals, so that the compiler keeps them in registers across the calls to found().
        const char *data = text.data();
        const std::uint64_t *bitmap = m_bitmap.data();
        const qsizetype stride = m_stride;
        const qsizetype end = text.size() - 3; // positions with four bytes from them
        auto probe = [&](qsizetype i) {
            std::uint32_t word;
            std::memcpy(&word, data + i, 4);
            const std::uint32_t h = hash(word);
            if ((bitmap[h >> 6] >> (h & 63)) & 1) [[unlikely]]
                verify(text, i, h, found);
        };
        qsizetype i = 0;
        for (; i + 3 * stride < end; i += 4 * stride) {
            probe(i);
            probe(i + stride);
            probe(i + 2 * stride);
            probe(i + 3 * stride);
        }
        for (; i < end; i += stride)
            probe(i);
        for (const int needle : m_short) {
            if (const qsizetype at = text.indexOf(m_needles[size_t(needle)]); at >= 0)
                found(needle, at);
        }
    }

    static constexpr qsizetype maxStride = 8;

private:
    static constexpr int hashBits = 16;
    static std::uint32_t hash(std::uint32_t word) { return (word * 0x9E3779B1u) >> (32 - hashBits); }

    struct Candidate
    {
        int needle = 0;
        int offset = 0; // of the window in the needle
        const char *data = nullptr;
        qsizetype size = 0;
        // The needle's first eight bytes (fewer when shorter, the rest masked off): most windows that
        // hit the bitmap belong to other text, which one compare of eight bytes tells.
        std::uint64_t head = 0;
        std::uint64_t headMask = 0;
    };

    template<typename Found>
    void verify(QByteArrayView text, qsizetype at, std::uint32_t h, Found &found) const
    {
        for (std::uint32_t c = m_start[h]; c < m_start[h + 1]; ++c) {
            const Candidate &candidate = m_candidates[c];
            const qsizetype begin = at - candidate.offset;
            if (begin < 0 || begin + candidate.size > text.size())
                continue;
            const char *const place = text.data() + begin;
            if (begin + 8 <= text.size()) {
                std::uint64_t word;
                std::memcpy(&word, place, 8);
                if ((word & candidate.headMask) != candidate.head)
                    continue;
                if (candidate.size <= 8 || std::memcmp(place + 8, candidate.data + 8, size_t(candidate.size - 8)) == 0)
                    found(candidate.needle, begin);
            } else if (std::memcmp(place, candidate.data, size_t(candidate.size)) == 0) {
                found(candidate.needle, begin);
            }
        }
    }

    std::vector<QByteArray> m_needles;
    qsizetype m_stride = 1;
    std::vector<std::uint64_t> m_bitmap; // 2^hashBits bits
    std::vector<std::uint32_t> m_start;  // hash -> first candidate (2^hashBits + 1 entries)
    std::vector<Candidate> m_candidates; // needle windows grouped by their hash
    std::vector<int> m_short;            // needles under 4 bytes, searched directly
};

} // namespace CtiFlow
