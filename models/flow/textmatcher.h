// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <array>
#include <cstdint>
#include <vector>

namespace CtiFlow {

// Finds any of many fixed strings in one pass over a text (Aho-Corasick), so that each trace
// record is read once whatever the number of rule patterns.
class TextMatcher
{
public:
    explicit TextMatcher(const QList<QByteArray> &needles = {});

    bool isEmpty() const { return m_outputs.size() <= 1; }

    // Calls found(needleIndex) for every needle occurring in text (a needle may be reported more
    // than once when it occurs more than once).
    template<typename Found>
    void scan(QByteArrayView text, Found &&found) const
    {
        std::uint32_t state = 0;
        for (const char c : text) {
            state = m_next[state * m_classes + m_class[std::uint8_t(c)]];
            if (m_hasOutput[state]) {
                for (const int needle : m_outputs[state])
                    found(needle);
            }
        }
    }

private:
    std::array<std::uint16_t, 256> m_class{}; // byte -> character class, 0 for bytes no needle has
    std::uint32_t m_classes = 1;
    std::vector<std::uint32_t> m_next; // state * classes + class -> state (complete automaton)
    std::vector<std::vector<int>> m_outputs;
    std::vector<std::uint8_t> m_hasOutput;
};

} // namespace CtiFlow
