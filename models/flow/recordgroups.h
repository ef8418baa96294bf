// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the session analysis keeps of one CTI Manager's records as it reads them in order: the
// record groups (a signal and the lines written while handling it) still open, and the lines that
// came without their signal.

#include "signalroute.h"
#include "tracestore.h"

#include <QList>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <vector>

namespace CtiFlow::pass {

using route::Connection;
using route::groupOf;

// The patterns one record matched: a handful at most, kept off the heap.
using Matches = QVarLengthArray<int, 8>;

// A text record whose signal was left out of the trace (excerpts often do), waiting for the next
// record group that names its connection.
struct Orphan
{
    RecordIndex record;
    qint64 timeMs = 0;
    Matches patterns;
};

// Unmatched orphans (RIS bookkeeping and the like) join the next session only when written this
// close to it; matched ones always do.
constexpr qint64 orphanWindowMs = 50;
constexpr qsizetype maxOrphans = 64;

// Connection -> its current session, looked up for every signal of interest: open addressing in
// one array, hashed by multiplying the four numbers, instead of a node-based hash of each number.
// A connection taken from its session keeps its slot with no session (-1) until it opens again.
class ConnectionSessions
{
public:
    int value(const Connection &key) const
    {
        if (m_slots.empty())
            return -1;
        for (size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (!slot.used)
                return -1;
            if (slot.key == key.numbers)
                return slot.session;
        }
    }
    void set(const Connection &key, int session)
    {
        if ((m_used + 1) * 2 > m_slots.size())
            grow();
        for (size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            Slot &slot = m_slots[i];
            if (!slot.used) {
                slot = {key.numbers, session, true};
                ++m_used;
                return;
            }
            if (slot.key == key.numbers) {
                slot.session = session;
                return;
            }
        }
    }

private:
    struct Slot
    {
        std::array<quint32, 4> key{};
        int session = -1;
        bool used = false;
    };
    size_t slotOf(const Connection &key) const
    {
        const quint64 a = quint64(key.numbers[0]) << 32 | key.numbers[1];
        const quint64 b = quint64(key.numbers[2]) << 32 | key.numbers[3];
        const quint64 h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL);
        return size_t((h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL >> 32) & m_mask;
    }
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<size_t>(64, old.size() * 2), Slot{});
        m_mask = m_slots.size() - 1;
        m_used = 0;
        for (const Slot &slot : old) {
            if (slot.used) {
                Connection key;
                key.numbers = slot.key;
                key.valid = true;
                set(key, slot.session);
            }
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_used = 0;
};

struct GroupState
{
    RecordIndex signal; // the record that began the group
    quint64 prefix = 0; // "00895261" as bytes, read from the signal when first asked for
    bool prefixRead = false;
    int session = -1;
    Connection key;       // connection of the signal, invalid when it named none
    bool opening = false; // lines of this group may open a session
    int handler = -1;
    QByteArrayView handlerName;
};

struct NodeState
{
    // The latest record groups: lines of one group may be written after another group has begun.
    std::array<GroupState, 8> groups;
    size_t current = 0;
    qint64 lastMs = 0;
    QList<Orphan> orphans;
    int lastSession = -1;
    // The group of the node's previous record, valid while the next record comes from the same file:
    // a record that the scanner marked as of the same group belongs to it without reading its text.
    GroupState *previousGroup = nullptr;
    quint32 previousFile = 0;
    bool previousKnown = false;

    GroupState *find(const TraceStore &store, quint64 prefix)
    {
        if (prefix == 0)
            return nullptr;
        for (size_t i = 0; i < groups.size(); ++i) {
            GroupState &group = groups[(current + groups.size() - i) % groups.size()];
            if (!group.signal.isValid())
                continue;
            if (!group.prefixRead) {
                group.prefix = groupOf(store.recordText(group.signal));
                group.prefixRead = true;
            }
            if (group.prefix == prefix)
                return &group;
        }
        return nullptr;
    }
    GroupState &begin(RecordIndex signal)
    {
        current = (current + 1) % groups.size();
        groups[current] = GroupState{};
        groups[current].signal = signal;
        return groups[current];
    }
};

} // namespace CtiFlow::pass
