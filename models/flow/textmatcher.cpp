// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textmatcher.h"

#include <deque>

namespace CtiFlow {

TextMatcher::TextMatcher(const QList<QByteArray> &needles)
{
    for (const QByteArray &needle : needles) {
        for (const char c : needle) {
            if (m_class[std::uint8_t(c)] == 0)
                m_class[std::uint8_t(c)] = std::uint16_t(m_classes++);
        }
    }
    // Trie with a sparse goto (-1 = none), then completed into a full transition table.
    std::vector<std::vector<int>> trie(1, std::vector<int>(m_classes, -1));
    m_outputs.assign(1, {});
    for (qsizetype n = 0; n < needles.size(); ++n) {
        if (needles[n].isEmpty())
            continue;
        int state = 0;
        for (const char c : needles[n]) {
            const std::uint16_t cls = m_class[std::uint8_t(c)];
            if (trie[size_t(state)][cls] < 0) {
                trie[size_t(state)][cls] = int(trie.size());
                trie.emplace_back(m_classes, -1);
                m_outputs.emplace_back();
            }
            state = trie[size_t(state)][cls];
        }
        m_outputs[size_t(state)].push_back(int(n));
    }
    std::vector<int> fail(trie.size(), 0);
    m_next.assign(trie.size() * m_classes, 0);
    std::deque<int> queue;
    for (std::uint32_t cls = 0; cls < m_classes; ++cls) {
        const int child = trie[0][cls];
        m_next[cls] = std::uint32_t(std::max(child, 0));
        if (child > 0)
            queue.push_back(child);
    }
    while (!queue.empty()) {
        const int state = queue.front();
        queue.pop_front();
        const std::vector<int> &inherited = m_outputs[size_t(fail[size_t(state)])];
        m_outputs[size_t(state)].insert(m_outputs[size_t(state)].end(), inherited.begin(), inherited.end());
        for (std::uint32_t cls = 0; cls < m_classes; ++cls) {
            const int child = trie[size_t(state)][cls];
            const std::uint32_t viaFail = m_next[size_t(fail[size_t(state)]) * m_classes + cls];
            if (child < 0) {
                m_next[size_t(state) * m_classes + cls] = viaFail;
                continue;
            }
            m_next[size_t(state) * m_classes + cls] = std::uint32_t(child);
            fail[size_t(child)] = int(viaFail);
            queue.push_back(child);
        }
    }
    m_hasOutput.resize(m_outputs.size());
    for (size_t s = 0; s < m_outputs.size(); ++s)
        m_hasOutput[s] = m_outputs[s].empty() ? 0 : 1;
}

} // namespace CtiFlow
