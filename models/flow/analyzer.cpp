// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzer.h"

#include "logging.h"
#include "recordgroups.h"
#include "signalroute.h"
#include "textmatcher.h"
#include "verdict.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace CtiFlow {

void nodeIds(const TraceStore &store, std::vector<int> &fileNode, QStringList &names, QStringList &labels);

namespace {

using namespace route;
using namespace pass;
using Role = PatternRole;

struct CompiledPattern
{
    const RulePattern *pattern = nullptr;
    Role role = Role::Evidence;
    int index = 0; // step, signature or carrier index
    // This thread's own copy of the pattern's regular expression: a match takes a reference to
    // the expression it ran, which threads sharing one expression would contend for.
    std::optional<QRegularExpression> regex;

    bool matches(QByteArrayView text, bool textFound = false) const
    {
        return pattern->matches(text, textFound, regex ? &*regex : nullptr);
    }
};

class Analyzer
{
public:
    // Analyses the records of one CTI Manager (node id as from nodeIds()).
    Analyzer(const TraceStore &store, const Rules &rules, int node)
        : m_store(store)
        , m_rules(rules)
        , m_node(node)
    {
        compile();
    }

    QList<Session> run();

private:
    void compile();
    void addPattern(const RulePattern &pattern, Role role, int index, QList<QByteArray> &needles);
    // Asks for the text of a record the pass is going to read (of this node, no statistics, no
    // signal that the rules ignore).
    void prefetch(const RecordEntry &entry, const std::vector<const char *> &ownText) const
    {
        const char *text = ownText[entry.file];
        if (!text || entry.type == RecordType::SdlStat ||
            (isSignal(entry.type) && (entry.signal >= m_relevant.size() || !m_relevant[entry.signal])))
            return;
        text += entry.offset;
        for (qsizetype at = 0; at < qsizetype(entry.length) + 64; at += 64)
            __builtin_prefetch(text + at);
    }
    // The stretches of the timeline that may hold this node's records, joined where they touch (the
    // whole timeline when the store has no stretches): the other nodes' are passed over whole.
    std::vector<std::pair<qsizetype, qsizetype>> ranges() const;
    void onSignal(RecordIndex index, NodeState &node);
    void onText(RecordIndex index, GroupState *group, NodeState &node);
    Matches matchText(QByteArrayView text);
    int sessionFor(GroupState &group, const Matches &matched, RecordIndex index);
    void joinGroupStart(int session, const GroupState &group, RecordIndex line);
    void apply(int session, RecordIndex index, qint64 timeMs, QByteArrayView text, const Matches &matched);
    void attachOrphans(NodeState &node, int session, qint64 nowMs);

    const TraceStore &m_store;
    const Rules &m_rules;
    int m_node = 0;
    std::vector<CompiledPattern> m_patterns;
    std::vector<std::vector<int>> m_bySignal; // signal id -> patterns
    std::vector<std::uint8_t> m_relevant;     // signal id -> 1 when its records matter
    std::vector<int> m_textPatterns;          // needle -> pattern
    std::shared_ptr<const TextMatcher> m_matcher;
    std::unique_ptr<const FieldKeys> m_fieldKeys;
    std::vector<StepTexts> m_stepTexts; // this thread's own copies
    std::vector<std::uint32_t> m_seen;
    std::uint32_t m_stamp = 0;
    std::vector<int> m_fileNode;
    std::vector<qint64> m_fileClock; // clock offset of each file's node
    QStringList m_nodeLabels;        // as shown: the node folder
    std::vector<SessionWork> m_sessions;
    ConnectionSessions m_byConnection;   // connection -> current session (one analyzer per node)
    std::vector<std::uint8_t> m_opening; // signal id -> 1 when its lines may open a session
    int m_opensStep = -1;                // the step whose evidence opens a session
    // What the pass read, for the debug log.
    qint64 m_signalsRead = 0;
    qint64 m_linesMatched = 0;
    qint64 m_bytesMatched = 0;
};

void Analyzer::addPattern(const RulePattern &pattern, Role role, int index, QList<QByteArray> &needles)
{
    const int id = int(m_patterns.size());
    m_patterns.push_back({&pattern, role, index, {}});
    if (pattern.regex)
        m_patterns.back().regex = QRegularExpression(pattern.regex->pattern(), pattern.regex->patternOptions());
    if (pattern.signal.isEmpty()) {
        needles.append(pattern.text);
        m_textPatterns.push_back(id);
        return;
    }
    const quint16 signal = m_store.signalId(pattern.signal);
    if (signal == 0)
        return; // the signal never occurs in this store
    m_bySignal[signal].push_back(id);
    m_relevant[signal] = 1;
}

void Analyzer::compile()
{
    quint16 maxSignal = 0;
    while (!m_store.signalNameById(quint16(maxSignal + 1)).isEmpty() && maxSignal < 0xFFFE)
        ++maxSignal;
    m_bySignal.resize(size_t(maxSignal) + 1);
    m_relevant.assign(size_t(maxSignal) + 1, 0);
    QList<QByteArray> needles;
    for (qsizetype s = 0; s < m_rules.steps.size(); ++s) {
        for (const RulePattern &p : m_rules.steps[s].evidence)
            addPattern(p, Role::Evidence, int(s), needles);
    }
    for (qsizetype s = 0; s < m_rules.signatures.size(); ++s)
        addPattern(m_rules.signatures[s].match, Role::Signature, int(s), needles);
    for (qsizetype c = 0; c < m_rules.carriers.size(); ++c)
        addPattern(m_rules.carriers[c].match, Role::Carrier, int(c), needles);
    for (qsizetype t = 0; t < m_rules.token.size(); ++t)
        addPattern(m_rules.token[t], Role::Token, int(t), needles);
    for (const QByteArray &name : m_rules.carrierSignals) {
        if (const quint16 signal = m_store.signalId(name))
            m_relevant[signal] = 1;
    }
    m_opening.assign(m_relevant.size(), 0);
    for (const QByteArray &name : m_rules.openingSignals) {
        if (const quint16 signal = m_store.signalId(name)) {
            m_relevant[signal] = 1;
            m_opening[signal] = 1;
        }
    }
    m_matcher = TextMatcher::shared(needles);
    m_fieldKeys = std::make_unique<const FieldKeys>(m_rules);
    m_stepTexts = privateStepTexts(m_rules);
    m_opensStep = m_rules.stepIndex(m_rules.opensSession);
    m_seen.assign(m_patterns.size(), 0);
    QStringList nodeNames; // one per CTI Manager
    nodeIds(m_store, m_fileNode, nodeNames, m_nodeLabels);
    for (int f = 0; f < m_store.fileCount(); ++f)
        m_fileClock.push_back(m_store.nodeClockOffset(m_store.file(f).node));
}

} // namespace

// One id per CTI Manager: the node folder, and the node number of the file name when folders do
// not tell nodes apart (record groups and connections belong to one CTI Manager).
void nodeIds(const TraceStore &store, std::vector<int> &fileNode, QStringList &names, QStringList &labels)
{
    for (int f = 0; f < store.fileCount(); ++f) {
        const SourceFile &file = store.file(f);
        QString node = file.node;
        if (file.cucmNode >= 0)
            node = node.isEmpty() ? QStringLiteral("node %1").arg(file.cucmNode)
                                  : node + QStringLiteral(" (node %1)").arg(file.cucmNode);
        qsizetype at = names.indexOf(node);
        if (at < 0) {
            at = names.size();
            names.append(node);
            labels.append(file.node.isEmpty() ? node : file.node);
        }
        fileNode.push_back(int(at));
    }
}

namespace {

Matches Analyzer::matchText(QByteArrayView text)
{
    ++m_linesMatched;
    m_bytesMatched += text.size();
    Matches matched;
    ++m_stamp;
    m_matcher->scan(text, [&](int needle, qsizetype) {
        const int id = m_textPatterns[size_t(needle)];
        if (m_seen[size_t(id)] == m_stamp)
            return;
        m_seen[size_t(id)] = m_stamp;
        if (m_patterns[size_t(id)].matches(text, true))
            matched.append(id);
    });
    return matched;
}

QList<Session> Analyzer::run()
{
    QElapsedTimer timer;
    timer.start();
    NodeState node; // this analyzer's node
    const qsizetype count = m_store.recordCount();
    // The text of the records a little ahead is asked of memory before it is needed: this node's
    // records lie scattered among the other nodes' and among records the pass skips, which the
    // processor's own prefetching cannot foresee (15 % of the pass on the 1 GiB benchmark bundle).
    constexpr qsizetype ahead = 32;
    std::vector<const char *> ownText; // per file: its text when it is this node's, else null
    for (int f = 0; f < m_store.fileCount(); ++f)
        ownText.push_back(m_fileNode[size_t(f)] == m_node ? m_store.file(f).text.constData() : nullptr);
    for (const auto &[begin, end] : ranges()) {
        for (qsizetype i = begin; i < end; ++i) {
            const RecordIndex index{i};
            if (i + ahead < count)
                prefetch(m_store.entry(RecordIndex{i + ahead}), ownText);
            const RecordEntry &entry = m_store.entry(index);
            if (m_fileNode[entry.file] != m_node)
                continue; // a run of files of several nodes
            node.lastMs = std::max(node.lastMs, entry.timeMs);
            const bool sameGroup = entry.sameGroupAsPrevious && node.previousKnown && node.previousFile == entry.file;
            node.previousFile = entry.file;
            if (entry.type == RecordType::SdlStat) {
                node.previousKnown = sameGroup; // statistics lines belong to no signal's handling
                continue;
            }
            if (isSignal(entry.type)) {
                onSignal(index, node);
            } else {
                GroupState *group =
                    sameGroup ? node.previousGroup : node.find(m_store, groupOf(m_store.recordText(index)));
                onText(index, group, node);
                node.previousGroup = group;
            }
            node.previousKnown = true;
        }
    }
    if (node.lastSession >= 0)
        attachOrphans(node, node.lastSession, node.lastMs); // lines after the last signal of a trace
    const qint64 passMs = timer.elapsed();
    QList<Session> sessions;
    sessions.reserve(qsizetype(m_sessions.size()));
    for (SessionWork &work : m_sessions) {
        work.nodeEndMs = node.lastMs;
        sessions.append(decideSession(m_rules, m_stepTexts, work));
    }
    qCDebug(lcFlow) << "node" << m_node << ": record pass" << passMs << "ms (" << m_signalsRead << "signals read,"
                    << m_linesMatched << "lines and" << m_bytesMatched << "bytes matched), verdicts of"
                    << sessions.size() << "sessions" << timer.elapsed() - passMs << "ms";
    return sessions;
}

std::vector<std::pair<qsizetype, qsizetype>> Analyzer::ranges() const
{
    const qsizetype count = m_store.recordCount();
    const std::vector<TraceStore::Stretch> &stretches = m_store.stretches();
    if (stretches.empty() || stretches.back().end != count)
        return {{0, count}};
    // A run none of whose files is this node's is passed over.
    const std::vector<int> runOfFile = m_store.fileRuns();
    std::vector<char> mayHold;
    for (size_t f = 0; f < runOfFile.size(); ++f) {
        const auto run = size_t(runOfFile[f]);
        if (mayHold.size() <= run)
            mayHold.resize(run + 1, 0);
        if (m_fileNode[f] == m_node)
            mayHold[run] = 1;
    }
    std::vector<std::pair<qsizetype, qsizetype>> ranges;
    for (const TraceStore::Stretch &stretch : stretches) {
        if (size_t(stretch.run) >= mayHold.size() || !mayHold[size_t(stretch.run)])
            continue;
        if (!ranges.empty() && ranges.back().second == stretch.begin)
            ranges.back().second = stretch.end;
        else
            ranges.emplace_back(stretch.begin, stretch.end);
    }
    return ranges;
}

void Analyzer::onSignal(RecordIndex index, NodeState &node)
{
    GroupState &group = node.begin(index);
    node.previousGroup = &group;
    const quint16 signal = m_store.entry(index).signal;
    if (signal >= m_relevant.size() || !m_relevant[signal])
        return; // its text is not even read
    const QByteArrayView text = m_store.recordText(index);
    ++m_signalsRead;
    QByteArrayView destination, source, tag;
    if (!routeOf(text, destination, source, tag))
        return;
    group.key = connectionOf(tag);
    if (!group.key.valid)
        return;
    group.opening = m_opening[signal] != 0;
    for (const QByteArrayView tuple : {destination, source}) {
        if (const int instance = handlerInstance(tuple); instance >= 0) {
            group.handler = instance;
            group.handlerName = tuple;
            break;
        }
    }
    int session = m_byConnection.value(group.key);
    if (session >= 0 && group.handler >= 0 && m_sessions[size_t(session)].handler >= 0 &&
        m_sessions[size_t(session)].handler != group.handler) {
        m_byConnection.set(group.key, -1); // a new CTIHandler on a reused connection: a new session
        session = -1;
    }
    group.session = session;
    Matches matched;
    for (const int id : m_bySignal[signal]) {
        if (m_patterns[size_t(id)].matches(text))
            matched.append(id);
    }
    if (!matched.isEmpty())
        session = sessionFor(group, matched, index);
    if (session < 0)
        return;
    SessionWork &work = m_sessions[size_t(session)];
    if (work.handler < 0 && group.handler >= 0) {
        work.handler = group.handler;
        work.session.handler = QString::fromLatin1(group.handlerName);
    }
    const qint64 timeMs = m_store.entry(index).timeMs;
    apply(session, index, timeMs, text, matched);
    attachOrphans(node, session, timeMs);
}

void Analyzer::onText(RecordIndex index, GroupState *group, NodeState &node)
{
    if (group && group->session < 0 && !group->opening)
        return; // handling of a signal of no session, and its lines cannot open one
    const QByteArrayView text = m_store.recordText(index);
    const Matches matched = matchText(text.sliced(payloadStart(text)));
    if (!group) {
        if (node.orphans.size() >= maxOrphans)
            node.orphans.removeFirst();
        node.orphans.append({index, m_store.entry(index).timeMs, matched});
        return;
    }
    const int previous = group->session;
    int session = previous;
    if (!matched.isEmpty())
        session = sessionFor(*group, matched, index);
    if (previous < 0 && session >= 0 && group->signal.isValid())
        joinGroupStart(session, *group, index);
    if (session >= 0)
        apply(session, index, m_store.entry(index).timeMs, text, matched);
}

void Analyzer::joinGroupStart(int session, const GroupState &group, RecordIndex line)
{
    // A line opened the session: the signal whose handling wrote it, and the lines written for it
    // before this one, belong to the login too.
    constexpr qsizetype maxLookBack = 256;
    const RecordEntry &signal = m_store.entry(group.signal);
    apply(session, group.signal, signal.timeMs, {}, {});
    const quint64 prefix = groupOf(m_store.recordText(group.signal));
    const qsizetype from = std::max(group.signal.value + 1, line.value - maxLookBack);
    for (qsizetype i = from; i < line.value; ++i) {
        const RecordIndex index{i};
        const RecordEntry &entry = m_store.entry(index);
        if (entry.file == signal.file && !isSignal(entry.type) && entry.type != RecordType::SdlStat &&
            groupOf(m_store.recordText(index)) == prefix)
            apply(session, index, entry.timeMs, {}, {});
    }
}

int Analyzer::sessionFor(GroupState &group, const Matches &matched, RecordIndex index)
{
    int session = group.session;
    bool opens = false;
    bool creates = false;
    const int opensStep = m_opensStep;
    for (const int id : matched) {
        const CompiledPattern &p = m_patterns[size_t(id)];
        creates = creates || p.role != Role::Token;
        opens = opens || (p.role == Role::Evidence && p.index == opensStep);
    }
    if (session >= 0 && opens && m_sessions[size_t(session)].beyond(opensStep))
        session = -1; // the same connection opens again
    if (session >= 0 || !creates || !group.key.valid)
        return session;
    SessionWork work(m_rules, *m_fieldKeys);
    work.session.node = m_nodeLabels.value(m_node);
    work.session.connection = group.key.text();
    work.handler = group.handler;
    work.session.handler = QString::fromLatin1(group.handlerName);
    work.clockOffset = m_fileClock[m_store.entry(index).file];
    work.session.records.reserve(64); // a login alone is some 60 to 100 records
    session = int(m_sessions.size());
    m_sessions.push_back(std::move(work));
    m_byConnection.set(group.key, session);
    group.session = session;
    return session;
}

void Analyzer::apply(int session, RecordIndex index, qint64 timeMs, QByteArrayView text, const Matches &matched)
{
    SessionWork &work = m_sessions[size_t(session)];
    work.add(index, timeMs);
    for (const int id : matched) {
        const CompiledPattern &p = m_patterns[size_t(id)];
        work.match(p.role, p.index, index, timeMs, text);
    }
}

void Analyzer::attachOrphans(NodeState &node, int session, qint64 nowMs)
{
    node.lastSession = session;
    if (node.orphans.isEmpty())
        return;
    const QList<Orphan> orphans = std::move(node.orphans);
    node.orphans.clear();
    for (const Orphan &orphan : orphans) {
        if (!orphan.patterns.isEmpty() || nowMs - orphan.timeMs <= orphanWindowMs)
            apply(session, orphan.record, orphan.timeMs, m_store.recordText(orphan.record), orphan.patterns);
    }
}

} // namespace

QList<Session> analyzeSessions(const TraceStore &store, const Rules &rules)
{
    // Sessions never span CTI Managers, so each node's records are analysed on their own thread.
    std::vector<int> fileNode;
    QStringList names;
    QStringList labels;
    nodeIds(store, fileNode, names, labels);
    QList<int> nodes;
    for (int n = 0; n < std::max<qsizetype>(1, names.size()); ++n)
        nodes.append(n);
    const auto analyzeNode = [&store, &rules](int node) {
        Analyzer analyzer(store, rules, node);
        return analyzer.run();
    };
    // One CTI Manager needs no other thread.
    QElapsedTimer timer;
    timer.start();
    QList<QList<Session>> perNode =
        nodes.size() == 1 ? QList<QList<Session>>{analyzeNode(0)} : QtConcurrent::blockingMapped(nodes, analyzeNode);
    // In order of first record: the keys are sorted, and each session is moved once.
    struct Key
    {
        qsizetype first;
        qsizetype node;
        qsizetype index;
    };
    std::vector<Key> keys;
    for (qsizetype n = 0; n < perNode.size(); ++n) {
        for (qsizetype s = 0; s < perNode[n].size(); ++s) {
            const QList<RecordIndex> &records = perNode[n][s].records;
            keys.push_back({records.isEmpty() ? -1 : records.first().value, n, s});
        }
    }
    std::stable_sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) { return a.first < b.first; });
    QList<Session> sessions;
    sessions.reserve(qsizetype(keys.size()));
    for (const Key &key : keys)
        sessions.append(std::move(perNode[key.node][key.index])); // a session holds many implicitly shared lists
    for (qsizetype s = 0; s < sessions.size(); ++s)
        sessions[s].number = int(s + 1);
    qCDebug(lcFlow) << sessions.size() << "sessions in" << store.recordCount() << "records," << timer.elapsed() << "ms";
    return sessions;
}

} // namespace CtiFlow
