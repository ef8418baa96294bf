// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "verdict.h"

#include "ctierror.h"
#include "signalroute.h"

#include <algorithm>
#include <array>

namespace CtiFlow {

namespace {

bool endsValue(char c)
{
    return c == ' ' || c == ')' || c == ',' || c == '|' || c == '\t' || c == '\n' || c == '\r';
}

// The value that begins at start ("wwhite" of "login=wwhite "), spaces before it skipped.
QByteArrayView valueAt(QByteArrayView text, qsizetype start)
{
    while (start < text.size() && text[start] == ' ')
        ++start;
    qsizetype end = start;
    while (end < text.size() && !endsValue(text[end]))
        ++end;
    return text.sliced(start, end - start);
}

// A key must start a word: "Name= " is not the end of "mIssuerName= ".
bool startsWord(QByteArrayView text, qsizetype at)
{
    return at == 0 || text[at - 1] == ' ' || text[at - 1] == '(' || text[at - 1] == '|';
}

bool before(RecordIndex a, RecordIndex b)
{
    return a.isValid() && a.value < b.value;
}

} // namespace

FieldKeys::FieldKeys(const Rules &rules)
{
    QList<QByteArray> needles;
    const std::pair<Field, QString> names[] = {{Login, QStringLiteral("login")},
                                               {Device, QStringLiteral("device")},
                                               {ProviderId, QStringLiteral("providerId")}};
    for (const auto &[field, name] : names) {
        const QList<QByteArray> list = rules.fields.value(name);
        for (qsizetype k = 0; k < list.size(); ++k) {
            if (list[k].isEmpty())
                continue;
            needles.append(list[k]);
            keys.push_back({field, int(k)});
            lengths.push_back(list[k].size());
        }
    }
    matcher = TextMatcher::shared(needles);
    // Punctuation first: it is rarer in trace text than letters.
    const auto inAll = [&needles](char c) {
        return std::all_of(needles.cbegin(), needles.cend(), [c](const QByteArray &n) { return n.contains(c); });
    };
    if (!needles.isEmpty()) {
        for (const bool punctuation : {true, false}) {
            for (const char c : needles.first()) {
                const bool isPunctuation = !QChar::isLetterOrNumber(char32_t(uchar(c))) && c != ' ';
                if (common == 0 && isPunctuation == punctuation && inAll(c))
                    common = c;
            }
        }
    }
}

SessionWork::SessionWork(const Rules &rules_, const FieldKeys &fieldKeys_)
    : rules(&rules_)
    , fieldKeys(&fieldKeys_)
    , evidence(size_t(rules_.steps.size()))
    , firstEvidence(size_t(rules_.steps.size()))
{}

void SessionWork::match(PatternRole role, int index, RecordIndex record, qint64 timeMs, QByteArrayView text)
{
    // Codes and field values are read after the sequence number and time.
    text = text.sliced(route::payloadStart(text));
    switch (role) {
    case PatternRole::Evidence: {
        QList<RecordIndex> &list = evidence[size_t(index)];
        const bool first = list.isEmpty();
        if (first || list.last() != record)
            list.append(record);
        firstEvidence[size_t(index)].keepEarlier(record, timeMs);
        maxStep = std::max(maxStep, index);
        if (!first)
            return; // user and device come from each step's first evidence (and failure lines)
        break;
    }
    case PatternRole::Signature:
        hits.append({false, index, record, findCtiErrorCode(text), timeMs});
        break;
    case PatternRole::Carrier:
        if (const auto code = findCtiErrorCode(text))
            hits.append({true, index, record, code, timeMs});
        break;
    case PatternRole::Token:
        token = true;
        return;
    }
    extractFields(text);
}

void SessionWork::extractFields(QByteArrayView text)
{
    // For each field, the first word-start occurrence of each key; the earliest key of the rules'
    // list that has a value wins.
    constexpr int maxRanks = 16;
    if (fieldKeys->common != 0 && !text.contains(fieldKeys->common))
        return;
    std::array<std::array<qsizetype, maxRanks>, FieldKeys::FieldCount> first{};
    for (auto &ranks : first)
        ranks.fill(-1);
    std::array<std::array<int, maxRanks>, FieldKeys::FieldCount> needleOf{};
    bool any = false;
    fieldKeys->matcher->scan(text, [&](int needle, qsizetype at) {
        const FieldKeys::Key &key = fieldKeys->keys[size_t(needle)];
        if (key.rank >= maxRanks || !startsWord(text, at))
            return;
        qsizetype &best = first[key.field][size_t(key.rank)];
        if (best < 0 || at < best) {
            best = at;
            needleOf[key.field][size_t(key.rank)] = needle;
        }
        any = true;
    });
    if (!any)
        return;
    auto value = [&](FieldKeys::Field field) -> QByteArrayView {
        for (int rank = 0; rank < maxRanks; ++rank) {
            const qsizetype at = first[field][size_t(rank)];
            if (at < 0)
                continue;
            const QByteArrayView found = valueAt(text, at + fieldKeys->lengths[size_t(needleOf[field][size_t(rank)])]);
            if (!found.isEmpty())
                return found;
        }
        return {};
    };
    if (session.login.isEmpty()) {
        if (const QByteArrayView login = value(FieldKeys::Login); !login.isEmpty())
            session.login = QString::fromUtf8(login);
    }
    if (const QByteArrayView found = value(FieldKeys::Device); !found.isEmpty()) {
        const QString device = QString::fromUtf8(found);
        if (!session.devices.contains(device))
            session.devices.append(device);
    }
    if (session.providerId.isEmpty()) {
        if (const QByteArrayView id = value(FieldKeys::ProviderId); !id.isEmpty())
            session.providerId = QString::fromUtf8(id);
    }
}

Cause makeCause(const Rules &rules, const QString &id, std::optional<quint32> code, const QString &lastStep)
{
    Cause cause;
    cause.id = id;
    cause.code = code;
    const RuleCause *text = rules.cause(id);
    if (!text)
        return cause;
    // Most texts hold no placeholder; the code's spellings are made once, when one does.
    QString hex, decimal, signedDecimal;
    auto fill = [&](const QString &s) {
        if (!s.contains(u'{'))
            return s;
        QString filled = s;
        if (code) {
            if (hex.isEmpty()) {
                hex = ctiErrorHex(*code);
                decimal = ctiErrorUnsigned(*code);
                signedDecimal = ctiErrorSigned(*code);
            }
            filled.replace(QLatin1String("{hex}"), hex);
            filled.replace(QLatin1String("{unsigned}"), decimal);
            filled.replace(QLatin1String("{signed}"), signedDecimal);
        }
        filled.replace(QLatin1String("{lastStep}"), lastStep);
        return filled;
    };
    cause.title = fill(text->title);
    cause.explanation = fill(text->explanation);
    cause.action = fill(text->action);
    return cause;
}

namespace {

struct Verdict
{
    int failedStep = -1;
    qint64 primaryMs = 0; // time of the cause's first evidence
    std::optional<Cause> cause;
    Outcome outcome = Outcome::Incomplete;
};

// The valid failure lines of a session, earliest first.
QList<SessionWork::Hit> validHits(const Rules &rules, const SessionWork &work)
{
    const std::vector<SessionWork::TimedRecord> &firstEvidence = work.firstEvidence;
    const int completed = rules.stepIndex(rules.loginCompletedStep);
    const RecordIndex completedAt =
        work.evidence[size_t(completed)].isEmpty() ? RecordIndex{} : work.evidence[size_t(completed)].last();
    QList<SessionWork::Hit> hits;
    for (const SessionWork::Hit &hit : work.hits) {
        // The login completed after this line: it did not stop the login.
        if (before(hit.record, completedAt))
            continue;
        if (!hit.carrier) {
            const RuleSignature &s = rules.signatures[hit.index];
            if (!s.after.isEmpty() && !before(firstEvidence[size_t(rules.stepIndex(s.after))].record, hit.record))
                continue;
            if (!s.before.isEmpty() && before(firstEvidence[size_t(rules.stepIndex(s.before))].record, hit.record))
                continue;
        }
        hits.append(hit);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SessionWork::Hit &a, const SessionWork::Hit &b) {
        if (a.record != b.record)
            return a.record < b.record;
        if (a.carrier != b.carrier)
            return !a.carrier;    // a named failure line explains better than its code
        return a.index < b.index; // rules order
    });
    return hits;
}

QString hitCause(const Rules &rules, const SessionWork::Hit &hit)
{
    if (!hit.carrier)
        return rules.signatures[hit.index].cause;
    return rules.codes.value(*hit.code, QStringLiteral("unknown-cti-error"));
}

QString hitStep(const Rules &rules, const SessionWork::Hit &hit)
{
    return hit.carrier ? rules.carriers[hit.index].step : rules.signatures[hit.index].step;
}

Verdict judge(const Rules &rules, const SessionWork &work)
{
    Verdict verdict;
    const QList<SessionWork::Hit> hits = validHits(rules, work);
    if (!hits.isEmpty()) {
        const SessionWork::Hit &primary = hits.first();
        const QString causeId = hitCause(rules, primary);
        std::optional<quint32> code = primary.code;
        for (const SessionWork::Hit &hit : hits) {
            if (!code && hit.code)
                code = hit.code;
        }
        verdict.outcome = Outcome::Failed;
        verdict.failedStep = rules.stepIndex(hitStep(rules, primary));
        verdict.cause = makeCause(rules, causeId, code, QString());
        verdict.cause->stepId = hitStep(rules, primary);
        verdict.primaryMs = primary.timeMs;
        for (const SessionWork::Hit &hit : hits)
            verdict.cause->evidence.append(hit.record);
        return verdict;
    }
    if (!work.evidence[size_t(rules.stepIndex(rules.successStep))].isEmpty()) {
        verdict.outcome = Outcome::Succeeded;
        return verdict;
    }
    // No failure line and no success: the trace cut the session off, or the flow stopped.
    if (work.nodeEndMs - work.latest.timeMs <= rules.stallMs || work.maxStep < 0)
        return verdict;
    const int last = work.maxStep;
    int next = last + 1;
    while (next < rules.steps.size() && work.token && rules.tokenSkips.contains(rules.steps[next].id))
        ++next;
    verdict.outcome = Outcome::Failed;
    verdict.failedStep = next < rules.steps.size() ? next : last;
    verdict.cause = makeCause(rules, QStringLiteral("flow-stopped"), std::nullopt, rules.steps[last].label);
    verdict.cause->stepId = rules.steps[verdict.failedStep].id;
    verdict.cause->evidence = work.evidence[size_t(last)];
    return verdict;
}

} // namespace

std::vector<StepTexts> privateStepTexts(const Rules &rules)
{
    const auto copy = [](const QString &s) { return QString(s.constData(), s.size()); };
    std::vector<StepTexts> texts;
    texts.reserve(size_t(rules.steps.size()));
    for (const RuleStep &rule : rules.steps)
        texts.push_back({copy(rule.id), copy(rule.label), copy(rule.seed), copy(rule.from), copy(rule.to)});
    return texts;
}

namespace {

// Sorts and removes duplicates; records mostly arrive in order (only lines without a signal join
// late), so the check comes first.
void sortUnique(QList<RecordIndex> &list)
{
    if (!std::is_sorted(list.cbegin(), list.cend()))
        std::sort(list.begin(), list.end());
    if (std::adjacent_find(list.cbegin(), list.cend()) != list.cend())
        list.erase(std::unique(list.begin(), list.end()), list.end());
}

} // namespace

Session decideSession(const Rules &rules, const std::vector<StepTexts> &texts, SessionWork &work)
{
    Session session = std::move(work.session);
    sortUnique(session.records);
    session.tokenLogin = work.token;
    // A session lives on one node: one clock offset for all its records.
    const qint64 clockOffset = work.clockOffset;
    if (!session.records.isEmpty()) {
        session.firstMs = work.earliest.timeMs + clockOffset;
        session.lastMs = work.latest.timeMs + clockOffset;
    }
    for (QList<RecordIndex> &list : work.evidence) {
        if (!std::is_sorted(list.cbegin(), list.cend()))
            std::sort(list.begin(), list.end()); // lines without a signal join late
    }
    const Verdict verdict = judge(rules, work);
    session.outcome = verdict.outcome;
    session.cause = verdict.cause;

    const int lastReached = std::max(work.maxStep, verdict.failedStep);
    session.steps.reserve(rules.steps.size());
    qint64 previousMs = -1;
    for (qsizetype k = 0; k < rules.steps.size(); ++k) {
        const RuleStep &rule = rules.steps[k];
        const StepTexts &text = texts[size_t(k)];
        StepResult &step = session.steps.emplace_back();
        step.id = text.id;
        step.label = text.label;
        step.seed = text.seed;
        step.from = text.from;
        step.to = text.to;
        step.evidence = std::move(work.evidence[size_t(k)]);
        qint64 keyMs = work.firstEvidence[size_t(k)].timeMs; // of evidence.first()
        if (k == verdict.failedStep) {
            step.status = StepStatus::Failed;
            if (verdict.cause && verdict.cause->id != QLatin1String("flow-stopped")) {
                if (step.evidence.isEmpty())
                    keyMs = verdict.primaryMs;
                step.evidence.append(verdict.cause->evidence.first());
            }
        } else if (!step.evidence.isEmpty()) {
            step.status = StepStatus::Passed;
        } else if (work.token && rules.tokenSkips.contains(rule.id)) {
            step.status = StepStatus::NotReached;
        } else {
            step.status = k < lastReached ? StepStatus::Missing : StepStatus::NotReached;
        }
        if (!step.evidence.isEmpty()) {
            step.keyRecord = step.evidence.first();
            step.timeMs = keyMs + clockOffset;
            if (previousMs >= 0)
                step.deltaMs = step.timeMs - previousMs;
            previousMs = step.timeMs;
            if (rule.slowMs >= 0 && step.deltaMs > rule.slowMs) {
                step.slow = true;
                step.slowReason = QStringLiteral("%1 took %2 s (over %3 s)")
                                      .arg(rule.label)
                                      .arg(double(step.deltaMs) / 1000.0, 0, 'f', 1)
                                      .arg(double(rule.slowMs) / 1000.0, 0, 'g', 3);
            }
        }
    }
    return session;
}

} // namespace CtiFlow
