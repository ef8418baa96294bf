// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzer.h"

#include "logging.h"
#include "textmatcher.h"
#include "verdict.h"

#include <QHash>

#include <algorithm>

namespace CtiFlow {

namespace {

using Role = PatternRole;

struct CompiledPattern
{
    const RulePattern *pattern = nullptr;
    Role role = Role::Evidence;
    int index = 0; // step, signature or carrier index
};

// A text record whose signal was left out of the trace (excerpts often do), waiting for the next
// record group that names its connection.
struct Orphan
{
    RecordIndex record;
    QList<int> patterns;
};

struct NodeState
{
    QByteArrayView group; // 8-digit sequence of the latest signal
    int groupSession = -1;
    QByteArray groupKey; // connection of the latest signal, empty when it named none
    int groupHandler = -1;
    QByteArray groupHandlerName;
    qint64 lastMs = 0;
    QList<Orphan> orphans;
    int lastSession = -1;
};

// The connection in a tag "1,200,13,8.3^ip^device": "1,200,13,8"; empty when the tag names none.
QByteArray connectionOf(QByteArrayView tag)
{
    const qsizetype dot = tag.indexOf('.');
    const QByteArrayView key = (dot < 0 ? tag : tag.first(dot)).trimmed();
    if (key.count(',') != 3 || key.isEmpty() || key.front() < '0' || key.front() > '9')
        return {};
    return key.toByteArray();
}

class Analyzer
{
public:
    Analyzer(const TraceStore &store, const Rules &rules)
        : m_store(store)
        , m_rules(rules)
    {
        compile();
    }

    QList<Session> run();

private:
    void compile();
    void addPattern(const RulePattern &pattern, Role role, int index, QList<QByteArray> &needles);
    void onSignal(RecordIndex index, QByteArrayView text, NodeState &node, int nodeId);
    void onText(RecordIndex index, QByteArrayView text, NodeState &node, int nodeId);
    QList<int> matchText(QByteArrayView text);
    int sessionFor(NodeState &node, int nodeId, const QList<int> &matched, RecordIndex index);
    void apply(int session, RecordIndex index, QByteArrayView text, const QList<int> &matched);
    void attachOrphans(NodeState &node, int session);

    const TraceStore &m_store;
    const Rules &m_rules;
    std::vector<CompiledPattern> m_patterns;
    std::vector<std::vector<int>> m_bySignal; // signal id -> patterns
    std::vector<std::uint8_t> m_relevant;     // signal id -> 1 when its records matter
    std::vector<int> m_textPatterns;          // needle -> pattern
    TextMatcher m_matcher;
    std::vector<std::uint32_t> m_seen;
    std::uint32_t m_stamp = 0;
    std::vector<int> m_fileNode;
    QStringList m_nodeNames;  // one per CTI Manager
    QStringList m_nodeLabels; // as shown: the node folder
    std::vector<SessionWork> m_sessions;
    QHash<QByteArray, int> m_byConnection; // node + connection -> current session
};

void Analyzer::addPattern(const RulePattern &pattern, Role role, int index, QList<QByteArray> &needles)
{
    const int id = int(m_patterns.size());
    m_patterns.push_back({&pattern, role, index});
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
    m_matcher = TextMatcher(needles);
    m_seen.assign(m_patterns.size(), 0);
    for (int f = 0; f < m_store.fileCount(); ++f) {
        // Record groups and connections belong to one CTI Manager: the node folder, and the node
        // number of the file name when folders do not tell nodes apart.
        const SourceFile &file = m_store.file(f);
        QString node = file.node;
        if (file.cucmNode >= 0)
            node = node.isEmpty() ? QStringLiteral("node %1").arg(file.cucmNode)
                                  : node + QStringLiteral(" (node %1)").arg(file.cucmNode);
        qsizetype at = m_nodeNames.indexOf(node);
        if (at < 0) {
            at = m_nodeNames.size();
            m_nodeNames.append(node);
            m_nodeLabels.append(file.node.isEmpty() ? node : file.node);
        }
        m_fileNode.push_back(int(at));
    }
}

QList<int> Analyzer::matchText(QByteArrayView text)
{
    QList<int> matched;
    ++m_stamp;
    m_matcher.scan(text, [&](int needle) {
        const int id = m_textPatterns[size_t(needle)];
        if (m_seen[size_t(id)] == m_stamp)
            return;
        m_seen[size_t(id)] = m_stamp;
        if (m_patterns[size_t(id)].pattern->matches(text))
            matched.append(id);
    });
    return matched;
}

QList<Session> Analyzer::run()
{
    std::vector<NodeState> nodes(size_t(std::max<qsizetype>(1, m_nodeNames.size())));
    const qsizetype count = m_store.recordCount();
    for (qsizetype i = 0; i < count; ++i) {
        const RecordIndex index{i};
        const RecordEntry &entry = m_store.entry(index);
        const int nodeId = m_fileNode[entry.file];
        NodeState &node = nodes[size_t(nodeId)];
        node.lastMs = std::max(node.lastMs, entry.timeMs);
        if (entry.type == RecordType::SdlStat)
            continue;
        const QByteArrayView text = m_store.recordText(index);
        if (isSignal(entry.type))
            onSignal(index, text, node, nodeId);
        else
            onText(index, text, node, nodeId);
    }
    std::vector<qint64> nodeEnd;
    for (NodeState &node : nodes) {
        nodeEnd.push_back(node.lastMs);
        if (node.lastSession >= 0)
            attachOrphans(node, node.lastSession); // lines after the last signal of a trace
    }
    QList<Session> sessions;
    sessions.reserve(qsizetype(m_sessions.size()));
    for (SessionWork &work : m_sessions) {
        work.nodeEndMs = nodeEnd[size_t(work.nodeId)];
        sessions.append(decideSession(m_store, m_rules, work));
    }
    for (qsizetype s = 0; s < sessions.size(); ++s)
        sessions[s].number = int(s + 1);
    qCDebug(lcFlow) << sessions.size() << "sessions in" << count << "records";
    return sessions;
}

void Analyzer::onSignal(RecordIndex index, QByteArrayView text, NodeState &node, int nodeId)
{
    node.group = text.first(std::min<qsizetype>(8, text.size()));
    node.groupSession = -1;
    node.groupKey.clear();
    node.groupHandler = -1;
    const quint16 signal = m_store.entry(index).signal;
    if (signal >= m_relevant.size() || !m_relevant[signal])
        return;
    RecordFields fields;
    parseRecordFields(text, fields);
    node.groupKey = connectionOf(fields.connectionTag);
    for (const QByteArrayView tuple : {fields.destination, fields.source}) {
        const ProcessTuple process = parseProcessTuple(tuple);
        if (process.name == "CTIHandler") {
            node.groupHandler = process.instance;
            node.groupHandlerName = tuple.toByteArray();
            break;
        }
    }
    if (node.groupKey.isEmpty())
        return;
    const QByteArray key = QByteArray::number(nodeId) + '/' + node.groupKey;
    int session = m_byConnection.value(key, -1);
    if (session >= 0 && node.groupHandler >= 0 && m_sessions[size_t(session)].handler >= 0 &&
        m_sessions[size_t(session)].handler != node.groupHandler) {
        m_byConnection.remove(key); // a new CTIHandler on a reused connection: a new session
        session = -1;
    }
    node.groupSession = session;
    QList<int> matched;
    for (const int id : m_bySignal[signal]) {
        if (m_patterns[size_t(id)].pattern->matches(text))
            matched.append(id);
    }
    if (!matched.isEmpty())
        session = sessionFor(node, nodeId, matched, index);
    if (session < 0)
        return;
    SessionWork &work = m_sessions[size_t(session)];
    if (work.handler < 0 && node.groupHandler >= 0) {
        work.handler = node.groupHandler;
        work.session.handler = QString::fromLatin1(node.groupHandlerName);
    }
    apply(session, index, text, matched);
    attachOrphans(node, session);
}

void Analyzer::onText(RecordIndex index, QByteArrayView text, NodeState &node, int nodeId)
{
    const bool inGroup = text.size() >= 8 && text.first(8) == node.group;
    if (inGroup && node.groupSession < 0 && node.groupKey.isEmpty())
        return; // handling of a signal that concerns no CTI connection
    const qsizetype header = recordHeaderLength(text);
    const QList<int> matched = matchText(text.sliced(std::min(header, text.size())));
    if (!inGroup) {
        if (!matched.isEmpty())
            node.orphans.append({index, matched});
        return;
    }
    int session = node.groupSession;
    if (!matched.isEmpty())
        session = sessionFor(node, nodeId, matched, index);
    if (session >= 0)
        apply(session, index, text, matched);
}

int Analyzer::sessionFor(NodeState &node, int nodeId, const QList<int> &matched, RecordIndex index)
{
    int session = node.groupSession;
    bool opens = false;
    bool creates = false;
    const int opensStep = m_rules.stepIndex(m_rules.opensSession);
    for (const int id : matched) {
        const CompiledPattern &p = m_patterns[size_t(id)];
        creates = creates || p.role != Role::Token;
        opens = opens || (p.role == Role::Evidence && p.index == opensStep);
    }
    if (session >= 0 && opens && m_sessions[size_t(session)].beyond(opensStep))
        session = -1; // the same connection opens again
    if (session >= 0 || !creates || node.groupKey.isEmpty())
        return session;
    SessionWork work(m_rules);
    work.nodeId = nodeId;
    work.session.node = m_nodeLabels.value(nodeId);
    work.session.connection = QString::fromLatin1(node.groupKey);
    work.handler = node.groupHandler;
    work.session.handler = QString::fromLatin1(node.groupHandlerName);
    work.firstRecord = index;
    session = int(m_sessions.size());
    m_sessions.push_back(std::move(work));
    m_byConnection.insert(QByteArray::number(nodeId) + '/' + node.groupKey, session);
    node.groupSession = session;
    return session;
}

void Analyzer::apply(int session, RecordIndex index, QByteArrayView text, const QList<int> &matched)
{
    SessionWork &work = m_sessions[size_t(session)];
    work.session.records.append(index);
    for (const int id : matched) {
        const CompiledPattern &p = m_patterns[size_t(id)];
        work.match(p.role, p.index, index, text);
    }
}

void Analyzer::attachOrphans(NodeState &node, int session)
{
    node.lastSession = session;
    if (node.orphans.isEmpty())
        return;
    const QList<Orphan> orphans = std::move(node.orphans);
    node.orphans.clear();
    for (const Orphan &orphan : orphans)
        apply(session, orphan.record, m_store.recordText(orphan.record), orphan.patterns);
}

} // namespace

QList<Session> analyzeSessions(const TraceStore &store, const Rules &rules)
{
    Analyzer analyzer(store, rules);
    return analyzer.run();
}

} // namespace CtiFlow
