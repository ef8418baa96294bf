// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules.h"

#include "ctierror.h"
#include "logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <set>

// Resources of a static library are only linked in when something refers to them.
static void initRulesResource()
{
    Q_INIT_RESOURCE(ctiflow_rules);
}

namespace CtiFlow {

namespace {

// Reads one rules document; the first error found stops it, with the place it was found.
class RulesReader
{
public:
    explicit RulesReader(Rules &rules)
        : m_rules(rules)
    {}

    bool read(const QJsonObject &root);
    QString error() const { return m_error; }

private:
    bool fail(const QString &place, const QString &reason)
    {
        if (m_error.isEmpty())
            m_error = place + QStringLiteral(": ") + reason;
        return false;
    }
    bool string(const QJsonObject &object, const QString &place, const char *key, QString &out, bool required = true)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return true;
        if (!value.isString() || (required && value.toString().isEmpty()))
            return fail(place + QLatin1Char('.') + QLatin1String(key), QStringLiteral("a non-empty string is needed"));
        out = value.toString();
        return true;
    }
    bool array(const QJsonObject &object, const QString &place, const char *key, QJsonArray &out, bool required = true)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return true;
        if (!value.isArray())
            return fail(place + QLatin1Char('.') + QLatin1String(key), QStringLiteral("an array is needed"));
        out = value.toArray();
        return true;
    }
    bool object(const QJsonValue &value, const QString &place, QJsonObject &out)
    {
        if (!value.isObject())
            return fail(place, QStringLiteral("an object is needed"));
        out = value.toObject();
        return true;
    }
    bool pattern(const QJsonValue &value, const QString &place, RulePattern &out);
    bool texts(const QJsonObject &object, const QString &place, const char *key, QList<QByteArray> &out);
    bool stepRef(const QString &id, const QString &place, bool allowEmpty = false)
    {
        if ((allowEmpty && id.isEmpty()) || m_rules.stepIndex(id) >= 0)
            return true;
        return fail(place, QStringLiteral("no step has the id \"%1\"").arg(id));
    }
    bool causeRef(const QString &id, const QString &place)
    {
        if (m_causeIds.contains(id))
            return true;
        return fail(place, QStringLiteral("no cause has the id \"%1\"").arg(id));
    }
    bool readSession(const QJsonObject &root);
    bool readLanes(const QJsonObject &root);
    bool readSteps(const QJsonObject &root);
    bool readCauses(const QJsonObject &root);
    bool readSignatures(const QJsonObject &root);
    bool readCarriersAndCodes(const QJsonObject &root);
    bool readFields(const QJsonObject &root);

    Rules &m_rules;
    QString m_error;
    QSet<QString> m_causeIds;
};

bool RulesReader::texts(const QJsonObject &object, const QString &place, const char *key, QList<QByteArray> &out)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    const QJsonArray array = value.isArray() ? value.toArray() : QJsonArray{value};
    for (const QJsonValue &item : array) {
        if (!item.isString() || item.toString().isEmpty()) {
            return fail(place + QLatin1Char('.') + QLatin1String(key),
                        QStringLiteral("a non-empty string or an array of them is needed"));
        }
        out.append(item.toString().toUtf8());
    }
    return true;
}

bool RulesReader::pattern(const QJsonValue &value, const QString &place, RulePattern &out)
{
    QJsonObject o;
    if (!object(value, place, o))
        return false;
    QString signal, regex;
    QList<QByteArray> text;
    if (!string(o, place, "signal", signal, false) || !texts(o, place, "text", text) ||
        !texts(o, place, "unless", out.unless) || !string(o, place, "regex", regex, false))
        return false;
    if (signal.isEmpty() && text.isEmpty())
        return fail(place, QStringLiteral("a pattern needs a \"signal\" or a \"text\""));
    out.signal = signal.toUtf8();
    if (!text.isEmpty())
        out.text = text.takeFirst();
    out.alsoTexts = text;
    if (!regex.isEmpty()) {
        out.regex = QRegularExpression(regex);
        if (!out.regex->isValid()) {
            return fail(place + QStringLiteral(".regex"), QStringLiteral("invalid regular expression at offset %1: %2")
                                                              .arg(out.regex->patternErrorOffset())
                                                              .arg(out.regex->errorString()));
        }
        out.regex->optimize();
    }
    return true;
}

bool RulesReader::read(const QJsonObject &root)
{
    if (root.value(QStringLiteral("format")).toInt() != 1)
        return fail(QStringLiteral("format"), QStringLiteral("only rules format 1 is understood"));
    return readLanes(root) && readSteps(root) && readCauses(root) && readSession(root) && readSignatures(root) &&
           readCarriersAndCodes(root) && readFields(root);
}

bool RulesReader::readLanes(const QJsonObject &root)
{
    QJsonArray lanes;
    if (!array(root, QStringLiteral("rules"), "lanes", lanes))
        return false;
    for (qsizetype i = 0; i < lanes.size(); ++i) {
        const QString place = QStringLiteral("lanes[%1]").arg(i);
        QJsonObject o;
        RuleLane lane;
        if (!object(lanes[i], place, o) || !string(o, place, "id", lane.id))
            return false;
        lane.optional = o.value(QStringLiteral("optional")).toBool();
        for (const QJsonValue &p : o.value(QStringLiteral("processes")).toArray())
            lane.processes.append(p.toString());
        for (const QJsonValue &a : o.value(QStringLiteral("applications")).toArray())
            lane.applications.append(a.toInt());
        m_rules.lanes.append(lane);
    }
    return true;
}

bool RulesReader::readSteps(const QJsonObject &root)
{
    QJsonArray steps;
    if (!array(root, QStringLiteral("rules"), "steps", steps))
        return false;
    QSet<QString> lanes;
    for (const RuleLane &lane : std::as_const(m_rules.lanes))
        lanes.insert(lane.id);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString place = QStringLiteral("steps[%1]").arg(i);
        QJsonObject o;
        RuleStep step;
        QJsonArray evidence;
        if (!object(steps[i], place, o) || !string(o, place, "id", step.id) || !string(o, place, "from", step.from) ||
            !string(o, place, "to", step.to) || !string(o, place, "label", step.label) ||
            !string(o, place, "seed", step.seed, false) || !array(o, place, "evidence", evidence))
            return false;
        if (m_rules.stepIndex(step.id) >= 0)
            return fail(place + QStringLiteral(".id"), QStringLiteral("step \"%1\" is defined twice").arg(step.id));
        if (!lanes.contains(step.from) || !lanes.contains(step.to))
            return fail(place, QStringLiteral("\"from\" and \"to\" must name lanes"));
        step.slowMs = qint64(o.value(QStringLiteral("slowMs")).toDouble(-1));
        for (qsizetype e = 0; e < evidence.size(); ++e) {
            RulePattern p;
            if (!pattern(evidence[e], place + QStringLiteral(".evidence[%1]").arg(e), p))
                return false;
            step.evidence.append(p);
        }
        m_rules.steps.append(step);
    }
    return true;
}

bool RulesReader::readCauses(const QJsonObject &root)
{
    QJsonArray causes;
    if (!array(root, QStringLiteral("rules"), "causes", causes))
        return false;
    for (qsizetype i = 0; i < causes.size(); ++i) {
        const QString place = QStringLiteral("causes[%1]").arg(i);
        QJsonObject o;
        RuleCause cause;
        if (!object(causes[i], place, o) || !string(o, place, "id", cause.id) ||
            !string(o, place, "title", cause.title) || !string(o, place, "explanation", cause.explanation) ||
            !string(o, place, "action", cause.action))
            return false;
        if (m_causeIds.contains(cause.id))
            return fail(place + QStringLiteral(".id"), QStringLiteral("cause \"%1\" is defined twice").arg(cause.id));
        m_causeIds.insert(cause.id);
        m_rules.causes.append(cause);
    }
    // The engine itself names these two.
    for (const char *needed : {"unknown-cti-error", "flow-stopped"}) {
        if (!m_causeIds.contains(QLatin1String(needed)))
            return fail(QStringLiteral("causes"),
                        QStringLiteral("the cause \"%1\" is needed").arg(QLatin1String(needed)));
    }
    return true;
}

bool RulesReader::readSession(const QJsonObject &root)
{
    QJsonObject o;
    const QString place = QStringLiteral("session");
    if (!object(root.value(place), place, o) || !string(o, place, "opensSession", m_rules.opensSession) ||
        !string(o, place, "loginCompletedStep", m_rules.loginCompletedStep) ||
        !string(o, place, "successStep", m_rules.successStep) ||
        !stepRef(m_rules.opensSession, place + QStringLiteral(".opensSession")) ||
        !stepRef(m_rules.loginCompletedStep, place + QStringLiteral(".loginCompletedStep")) ||
        !stepRef(m_rules.successStep, place + QStringLiteral(".successStep")))
        return false;
    m_rules.stallMs = qint64(o.value(QStringLiteral("stallSeconds")).toDouble(30) * 1000);
    const QJsonArray skips = o.value(QStringLiteral("tokenSkips")).toArray();
    for (qsizetype i = 0; i < skips.size(); ++i) {
        if (!stepRef(skips[i].toString(), place + QStringLiteral(".tokenSkips[%1]").arg(i)))
            return false;
        m_rules.tokenSkips.append(skips[i].toString());
    }
    for (const QJsonValue &signal : o.value(QStringLiteral("carrierSignals")).toArray())
        m_rules.carrierSignals.append(signal.toString().toUtf8());
    for (const QJsonValue &signal : o.value(QStringLiteral("openingSignals")).toArray())
        m_rules.openingSignals.append(signal.toString().toUtf8());
    const QJsonArray token = root.value(QStringLiteral("token")).toArray();
    for (qsizetype i = 0; i < token.size(); ++i) {
        RulePattern p;
        if (!pattern(token[i], QStringLiteral("token[%1]").arg(i), p))
            return false;
        m_rules.token.append(p);
    }
    return true;
}

bool RulesReader::readSignatures(const QJsonObject &root)
{
    QJsonArray signatures;
    if (!array(root, QStringLiteral("rules"), "signatures", signatures))
        return false;
    for (qsizetype i = 0; i < signatures.size(); ++i) {
        const QString place = QStringLiteral("signatures[%1]").arg(i);
        QJsonObject o;
        RuleSignature s;
        if (!object(signatures[i], place, o) || !string(o, place, "cause", s.cause) ||
            !string(o, place, "step", s.step) || !string(o, place, "after", s.after, false) ||
            !string(o, place, "before", s.before, false) || !causeRef(s.cause, place + QStringLiteral(".cause")) ||
            !stepRef(s.step, place + QStringLiteral(".step")) ||
            !stepRef(s.after, place + QStringLiteral(".after"), true) ||
            !stepRef(s.before, place + QStringLiteral(".before"), true) ||
            !pattern(o.value(QStringLiteral("match")), place + QStringLiteral(".match"), s.match))
            return false;
        m_rules.signatures.append(s);
    }
    return true;
}

bool RulesReader::readCarriersAndCodes(const QJsonObject &root)
{
    QJsonArray carriers;
    QJsonArray codes;
    if (!array(root, QStringLiteral("rules"), "codeCarriers", carriers) ||
        !array(root, QStringLiteral("rules"), "codes", codes))
        return false;
    for (qsizetype i = 0; i < carriers.size(); ++i) {
        const QString place = QStringLiteral("codeCarriers[%1]").arg(i);
        QJsonObject o;
        RuleCodeCarrier c;
        if (!object(carriers[i], place, o) || !string(o, place, "step", c.step) ||
            !stepRef(c.step, place + QStringLiteral(".step")) ||
            !pattern(o.value(QStringLiteral("match")), place + QStringLiteral(".match"), c.match))
            return false;
        m_rules.carriers.append(c);
    }
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QString place = QStringLiteral("codes[%1]").arg(i);
        QJsonObject o;
        QString code, cause;
        if (!object(codes[i], place, o) || !string(o, place, "code", code) || !string(o, place, "cause", cause) ||
            !causeRef(cause, place + QStringLiteral(".cause")))
            return false;
        const auto value = parseCtiErrorCode(code.toLatin1());
        if (!value)
            return fail(place + QStringLiteral(".code"),
                        QStringLiteral("\"%1\" is no CTI error code (0x8CCCxxxx)").arg(code));
        m_rules.codes.insert(*value, cause);
    }
    return true;
}

bool RulesReader::readFields(const QJsonObject &root)
{
    const QJsonObject fields = root.value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QList<QByteArray> keys;
        for (const QJsonValue &key : it.value().toArray())
            keys.append(key.toString().toUtf8());
        m_rules.fields.insert(it.key(), keys);
    }
    return true;
}

qint64 lineOfOffset(const QByteArray &text, qsizetype offset)
{
    return text.left(offset).count('\n') + 1;
}

} // namespace

bool RulePattern::matches(QByteArrayView record, bool textFound, const QRegularExpression *ownRegex) const
{
    if (!textFound && !text.isEmpty() && !record.contains(text))
        return false;
    for (const QByteArray &also : alsoTexts) {
        if (!record.contains(also))
            return false;
    }
    for (const QByteArray &no : unless) {
        if (record.contains(no))
            return false;
    }
    if (!regex)
        return true;
    return (ownRegex ? *ownRegex : *regex).match(QString::fromUtf8(record)).hasMatch();
}

int Rules::stepIndex(const QString &id) const
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (steps[i].id == id)
            return int(i);
    }
    return -1;
}

const RuleCause *Rules::cause(const QString &id) const
{
    for (const RuleCause &c : causes) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString Rules::laneOf(QByteArrayView process, int application) const
{
    for (const RuleLane &lane : lanes) {
        if (lane.applications.contains(application))
            return lane.id;
        for (const QString &name : lane.processes) {
            if (process == QByteArrayView(name.toLatin1()))
                return lane.id;
        }
    }
    return QString();
}

std::optional<Rules> parseRules(const QByteArray &json, const QString &path, Problem *problem)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (problem) {
            const bool syntax = parseError.error != QJsonParseError::NoError;
            *problem = {path, syntax ? lineOfOffset(json, parseError.offset) : 0,
                        syntax ? QStringLiteral("rules file is not valid JSON: %1").arg(parseError.errorString())
                               : QStringLiteral("rules file must hold one JSON object"),
                        Problem::Severity::Error};
        }
        return std::nullopt;
    }
    Rules rules;
    rules.source = path;
    RulesReader reader(rules);
    if (!reader.read(document.object())) {
        if (problem)
            *problem = {path, 0, reader.error(), Problem::Severity::Error};
        return std::nullopt;
    }
    return rules;
}

std::optional<Rules> loadRules(const QString &path, Problem *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (problem)
            *problem = {path, 0, QStringLiteral("cannot read rules file: %1").arg(file.errorString()),
                        Problem::Severity::Error};
        return std::nullopt;
    }
    return parseRules(file.readAll(), path, problem);
}

const Rules &builtinRules()
{
    static const Rules rules = [] {
        initRulesResource();
        Problem problem;
        const QString path = QStringLiteral(":/ctiflow/rules/ctiflow-rules.json");
        auto loaded = loadRules(path, &problem);
        if (!loaded) {
            qCCritical(lcFlow) << "built-in rules are broken:" << problem.toString();
            return Rules();
        }
        return *loaded;
    }();
    return rules;
}

} // namespace CtiFlow
