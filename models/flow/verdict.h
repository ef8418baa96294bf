// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rules.h"
#include "session.h"
#include "textmatcher.h"
#include "tracestore.h"

#include <memory>
#include <optional>
#include <vector>

namespace CtiFlow {

enum class PatternRole : std::uint8_t
{
    Evidence,  // a step happened
    Signature, // a failure line
    Carrier,   // a line that may carry a CTI error code
    Token,     // a token (SSO) login
};

// The keys of the session fields that the rules name (login, device, provider id), found in a
// record by one scan instead of a search per key.
struct FieldKeys
{
    enum Field : std::uint8_t
    {
        Login,
        Device,
        ProviderId,
        FieldCount,
    };
    struct Key
    {
        Field field = Login;
        int rank = 0; // position in the rules' list for its field: earlier keys win
    };

    explicit FieldKeys(const Rules &rules);

    std::shared_ptr<const TextMatcher> matcher;
    std::vector<Key> keys;          // per needle of the matcher
    std::vector<qsizetype> lengths; // per needle
    // A byte that every key holds ('=' with the shipped rules), or 0: a text without it has no field.
    char common = 0;
};

// What the record pass found for one session, before the verdict. Times are kept with the records
// as they come, so that the verdict need not look them up again in the index.
struct SessionWork
{
    struct Hit
    {
        bool carrier = false;
        int index = 0; // signature or carrier
        RecordIndex record;
        std::optional<quint32> code;
        qint64 timeMs = 0;
    };
    struct TimedRecord
    {
        RecordIndex record;
        qint64 timeMs = 0;
        // Keeps the earlier of the two (records of lines without a signal may join late).
        void keepEarlier(RecordIndex r, qint64 ms)
        {
            if (!record.isValid() || r < record)
                *this = {r, ms};
        }
    };

    SessionWork(const Rules &rules, const FieldKeys &fieldKeys);

    // Adds a record of the session (timeMs: its store time).
    void add(RecordIndex record, qint64 timeMs)
    {
        session.records.append(record);
        earliest.keepEarlier(record, timeMs);
        if (!latest.record.isValid() || latest.record < record)
            latest = {record, timeMs};
    }
    // Records that a pattern matched the record text (the whole record, header included).
    void match(PatternRole role, int index, RecordIndex record, qint64 timeMs, QByteArrayView text);
    // True when the session already shows more than the given step.
    bool beyond(int step) const { return maxStep > step || !hits.isEmpty(); }

    const Rules *rules;
    const FieldKeys *fieldKeys;
    Session session;
    int handler = -1;
    qint64 nodeEndMs = 0;   // time of the node's last record
    qint64 clockOffset = 0; // of the session's node
    TimedRecord earliest;
    TimedRecord latest;
    std::vector<QList<RecordIndex>> evidence;
    std::vector<TimedRecord> firstEvidence; // per step
    QList<Hit> hits;
    bool token = false;
    int maxStep = -1;

private:
    void extractFields(QByteArrayView text);
};

// The texts of one rule step that every session's StepResult holds.
struct StepTexts
{
    QString id;
    QString label;
    QString seed;
    QString from;
    QString to;
};

// Copies of the rules' step texts that share no data with the rules: each analysis thread keeps its
// own, so that the reference counts its sessions' steps touch stay in that thread's cache instead of
// bouncing between cores.
std::vector<StepTexts> privateStepTexts(const Rules &rules);

// Steps, outcome and cause of one session (domain contract 9.2 and 9.3); texts from privateStepTexts().
Session decideSession(const Rules &rules, const std::vector<StepTexts> &texts, SessionWork &work);

// Fills a cause's texts from the rules ({hex}, {unsigned}, {signed}, {lastStep}).
Cause makeCause(const Rules &rules, const QString &id, std::optional<quint32> code, const QString &lastStep);

} // namespace CtiFlow
