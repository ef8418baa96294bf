// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowtext.h"

#include "ctierror.h"
#include "lanes.h"
#include "redactor.h"
#include "sessionjson.h"
#include "tracestore.h"

#include <algorithm>

namespace CtiFlow {

namespace {

// Mermaid reads '#' as an entity start and ';' as a statement end inside message text.
QString mermaidText(QString text)
{
    text.replace(QLatin1Char(';'), QLatin1Char(','));
    text.replace(QLatin1Char('#'), QStringLiteral("no. "));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QString plantUmlText(QString text)
{
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return text;
}

QString stepTitle(const StepResult &step)
{
    QString title = step.seed.isEmpty() ? step.label : step.seed + QLatin1Char(' ') + step.label;
    if (step.status != StepStatus::Passed)
        title += QStringLiteral(" (") + stepStatusWord(step) + QLatin1Char(')');
    else if (step.slow)
        title += QStringLiteral(" (slow)");
    if (step.timeMs >= 0)
        title += QLatin1Char(' ') + timeOfDayText(step.timeMs);
    return title;
}

QString causeNote(const Cause &cause)
{
    QString note = QStringLiteral("FAILED: ") + cause.title;
    if (cause.code)
        note += QStringLiteral(" [") + formatCtiCode(*cause.code) + QLatin1Char(']');
    return note;
}

QString mermaidArrow(const StepResult &step)
{
    switch (step.status) {
    case StepStatus::Failed:
        return QStringLiteral("-x");
    case StepStatus::Missing:
    case StepStatus::NotReached:
        return QStringLiteral("-->>");
    case StepStatus::Passed:
        break;
    }
    return QStringLiteral("->>");
}

QString plantUmlArrow(const StepResult &step)
{
    switch (step.status) {
    case StepStatus::Failed:
        return QStringLiteral("-[#red]>x");
    case StepStatus::Missing:
        return QStringLiteral("-->");
    case StepStatus::NotReached:
        return QStringLiteral("-[#gray]->");
    case StepStatus::Passed:
        break;
    }
    return step.slow ? QStringLiteral("-[#orange]>") : QStringLiteral("->");
}

QString sessionHeading(const Session &session, Redactor &redactor)
{
    const QString user = session.login.isEmpty() ? QStringLiteral("unknown user") : redactor.redact(session.login);
    QString heading = QStringLiteral("CTI login %1 of %2").arg(session.number).arg(user);
    if (!session.devices.isEmpty())
        heading += QStringLiteral(" on ") + redactor.redact(session.devices.join(QStringLiteral(", ")));
    return heading + QStringLiteral(": ") + outcomeId(session.outcome);
}

void prepare(const Session &session, Redactor &redactor)
{
    redactor.addUser(session.login);
    for (const QString &device : session.devices)
        redactor.addDevice(device);
}

} // namespace

QString markdownCell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QStringList sessionLanes(const Session &session)
{
    // Lanes of steps the session reached: a step that never happened involves no process.
    QStringList used;
    for (const StepResult &step : session.steps) {
        if (step.status == StepStatus::NotReached)
            continue;
        for (const QString &lane : {step.from, step.to}) {
            if (!lane.isEmpty() && !used.contains(lane))
                used.append(lane);
        }
    }
    QStringList lanes = standardLanes();
    for (const QString &lane : optionalLanes()) {
        if (used.contains(lane))
            lanes.append(lane);
    }
    for (const QString &lane : std::as_const(used)) {
        if (!lanes.contains(lane))
            lanes.append(lane);
    }
    return lanes;
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QString::number(ms) + QStringLiteral(" ms");
    return QString::number(double(ms) / 1000.0, 'f', 2) + QStringLiteral(" s");
}

QString formatCtiCode(quint32 code)
{
    return ctiErrorHex(code) + QStringLiteral(" (") + ctiErrorUnsigned(code) + QStringLiteral(", ") +
           ctiErrorSigned(code) + QLatin1Char(')');
}

QString recordLocation(const TraceStore &store, RecordIndex record)
{
    return store.fileOf(record).path + QLatin1Char(':') + QString::number(store.line(record).value);
}

QList<RecordIndex> evidenceRecords(const Session &session)
{
    QList<RecordIndex> records;
    for (const StepResult &step : session.steps)
        records += step.evidence;
    if (session.cause)
        records += session.cause->evidence;
    std::sort(records.begin(), records.end());
    records.erase(std::unique(records.begin(), records.end()), records.end());
    return records;
}

QString stepStatusWord(const StepResult &step)
{
    switch (step.status) {
    case StepStatus::Failed:
        return QStringLiteral("FAILED");
    case StepStatus::Missing:
        return QStringLiteral("missing");
    case StepStatus::NotReached:
        return QStringLiteral("not reached");
    case StepStatus::Passed:
        break;
    }
    return step.slow ? QStringLiteral("slow") : QStringLiteral("passed");
}

QString laneName(const LaneNames &names, const QString &lane)
{
    const QString name = names.value(lane).trimmed();
    return name.isEmpty() ? lane : name;
}

QString mermaidDiagram(const Session &session, Redactor &redactor, const LaneNames &names)
{
    prepare(session, redactor);
    QString out = QStringLiteral("sequenceDiagram\n");
    out += QStringLiteral("    title ") + mermaidText(sessionHeading(session, redactor)) + QLatin1Char('\n');
    for (const QString &lane : sessionLanes(session)) {
        out += QStringLiteral("    participant ") + lane;
        if (laneName(names, lane) != lane)
            out += QStringLiteral(" as ") + mermaidText(redactor.redact(laneName(names, lane)));
        out += QLatin1Char('\n');
    }
    for (const StepResult &step : session.steps) {
        const QString text = mermaidText(redactor.redact(stepTitle(step)));
        if (step.from == step.to)
            out += QStringLiteral("    Note over %1: %2\n").arg(step.from, text);
        else
            out += QStringLiteral("    %1%2%3: %4\n").arg(step.from, mermaidArrow(step), step.to, text);
        if (step.status == StepStatus::Failed && session.cause)
            out += QStringLiteral("    Note right of %1: %2\n")
                       .arg(step.to, mermaidText(redactor.redact(causeNote(*session.cause))));
        if (!step.note.isEmpty())
            out += QStringLiteral("    Note left of %1: Note: %2\n")
                       .arg(step.from, mermaidText(redactor.redact(step.note)));
    }
    return out;
}

QString plantUmlDiagram(const Session &session, Redactor &redactor, const LaneNames &names)
{
    prepare(session, redactor);
    QString out = QStringLiteral("@startuml\n");
    out += QStringLiteral("title ") + plantUmlText(sessionHeading(session, redactor)) + QLatin1Char('\n');
    for (const QString &lane : sessionLanes(session)) {
        if (laneName(names, lane) == lane) {
            out += QStringLiteral("participant ") + lane + QLatin1Char('\n');
        } else {
            QString name = plantUmlText(redactor.redact(laneName(names, lane)));
            name.replace(QLatin1Char('"'), QLatin1Char('\''));
            out += QStringLiteral("participant \"%1\" as %2\n").arg(name, lane);
        }
    }
    for (const StepResult &step : session.steps) {
        const QString text = plantUmlText(redactor.redact(stepTitle(step)));
        out += QStringLiteral("%1 %2 %3 : %4\n").arg(step.from, plantUmlArrow(step), step.to, text);
        if (step.status == StepStatus::Failed && session.cause) {
            out += QStringLiteral("note right #FFDDDD\n");
            out += plantUmlText(redactor.redact(causeNote(*session.cause))) + QLatin1Char('\n');
            out += plantUmlText(redactor.redact(session.cause->explanation)) + QLatin1Char('\n');
            out += QStringLiteral("end note\n");
        }
        if (!step.note.isEmpty())
            out += QStringLiteral("note left #FFF6D5\n%1\nend note\n").arg(plantUmlText(redactor.redact(step.note)));
    }
    return out + QStringLiteral("@enduml\n");
}

QString sessionSummary(const Session &session, Redactor &redactor)
{
    prepare(session, redactor);
    const QString user = session.login.isEmpty() ? QStringLiteral("an unknown user") : redactor.redact(session.login);
    QString text =
        QStringLiteral("CTI login %1 of %2 at %3").arg(session.number).arg(user, timeOfDayText(session.firstMs));
    if (!session.node.isEmpty())
        text += QStringLiteral(" on ") + redactor.redact(session.node);
    if (!session.devices.isEmpty())
        text += QStringLiteral(" (") + redactor.redact(session.devices.join(QStringLiteral(", "))) + QLatin1Char(')');
    const qint64 duration =
        session.firstMs >= 0 && session.lastMs >= session.firstMs ? session.lastMs - session.firstMs : -1;
    const int failed = session.failedStepIndex();
    switch (session.outcome) {
    case Outcome::Succeeded:
        text += QStringLiteral(" succeeded");
        if (duration >= 0)
            text += QStringLiteral(" in ") + formatDuration(duration);
        return text + QLatin1Char('.');
    case Outcome::Incomplete: {
        QString last;
        for (const StepResult &step : session.steps) {
            if (step.status == StepStatus::Passed)
                last = step.label;
        }
        text += QStringLiteral(" is incomplete: the trace shows neither success nor failure");
        if (!last.isEmpty())
            text += QStringLiteral(" (last step seen: ") + last + QLatin1Char(')');
        return text + QLatin1Char('.');
    }
    case Outcome::Failed:
        break;
    }
    text += QStringLiteral(" failed");
    if (failed >= 0)
        text += QStringLiteral(" at ") + session.steps[failed].label;
    if (session.cause) {
        text += QStringLiteral(": ") + redactor.redact(session.cause->title);
        if (session.cause->code)
            text += QStringLiteral(" (") + ctiErrorHex(*session.cause->code) + QLatin1Char(')');
        text += QStringLiteral(". ") + redactor.redact(session.cause->explanation);
        if (!session.cause->action.isEmpty())
            text += QStringLiteral("\nWhat to change: ") + redactor.redact(session.cause->action);
        return text;
    }
    return text + QLatin1Char('.');
}

QString markdownReport(const Session &session, const TraceStore *store, Redactor &redactor, const LaneNames &names)
{
    prepare(session, redactor);
    QString out = QStringLiteral("# ") + sessionHeading(session, redactor) + QStringLiteral("\n\n");
    out += QStringLiteral("| | |\n|---|---|\n");
    auto row = [&out, &redactor](const QString &name, const QString &value) {
        out += QStringLiteral("| %1 | %2 |\n").arg(name, markdownCell(redactor.redact(value)));
    };
    row(QStringLiteral("User"), session.login);
    row(QStringLiteral("Devices"), session.devices.join(QStringLiteral(", ")));
    row(QStringLiteral("Node"), session.node);
    row(QStringLiteral("Connection"), session.connection);
    row(QStringLiteral("Started"), timeOfDayText(session.firstMs));
    row(QStringLiteral("Ended"), timeOfDayText(session.lastMs));
    row(QStringLiteral("Duration"),
        session.firstMs >= 0 && session.lastMs >= 0 ? formatDuration(session.lastMs - session.firstMs) : QString());
    row(QStringLiteral("Outcome"), outcomeId(session.outcome));

    if (session.cause) {
        const Cause &cause = *session.cause;
        out += QStringLiteral("\n## Cause: ") + redactor.redact(cause.title) + QStringLiteral("\n\n");
        out += redactor.redact(cause.explanation) + QStringLiteral("\n\n");
        out += QStringLiteral("**What to change:** ") + redactor.redact(cause.action) + QStringLiteral("\n\n");
        if (cause.code)
            out += QStringLiteral("**Error code:** ") + formatCtiCode(*cause.code) + QStringLiteral("\n\n");
        out += QStringLiteral("Cause id: `") + cause.id + QStringLiteral("`\n");
    }

    out += QStringLiteral(
        "\n## Steps\n\n| Seed | Step | From | To | Status | Time | Delta |\n|---|---|---|---|---|---|---|\n");
    // A lane the user named shows that name (through the redactor: it may name a server).
    const auto laneText = [&names, &redactor](const QString &lane) {
        const QString name = laneName(names, lane);
        return name == lane ? lane : markdownCell(redactor.redact(name));
    };
    for (const StepResult &step : session.steps) {
        QString status = stepStatusWord(step);
        if (step.slow && !step.slowReason.isEmpty())
            status += QStringLiteral(": ") + step.slowReason;
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                   .arg(step.seed, markdownCell(step.label), laneText(step.from), laneText(step.to),
                        markdownCell(status), timeOfDayText(step.timeMs), formatDuration(step.deltaMs));
    }
    QString notes;
    for (const StepResult &step : session.steps) {
        if (!step.note.isEmpty())
            notes += QStringLiteral("- **%1:** %2\n")
                         .arg(markdownCell(step.label), markdownCell(redactor.redact(step.note)));
    }
    if (!notes.isEmpty())
        out += QStringLiteral("\n## Notes\n\n") + notes;

    if (store) {
        out += QStringLiteral("\n## Evidence\n\n```text\n");
        for (const RecordIndex record : evidenceRecords(session)) {
            out += redactor.redact(recordLocation(*store, record)) + QLatin1Char('\n');
            out += redactor.redact(QString::fromUtf8(store->recordText(record))) + QLatin1Char('\n');
        }
        out += QStringLiteral("```\n");
    }
    return out;
}

QByteArray traceExcerpt(const Session &session, const TraceStore &store, Redactor &redactor)
{
    prepare(session, redactor);
    QList<RecordIndex> records = session.records;
    std::sort(records.begin(), records.end());
    records.erase(std::unique(records.begin(), records.end()), records.end());
    QByteArray out;
    for (const RecordIndex record : records) {
        if (record.value < 0 || record.value >= store.recordCount())
            continue;
        const QByteArrayView text = store.recordText(record);
        out += redactor.isEnabled() ? redactor.redact(displayText(text)).toUtf8() : text.toByteArray();
        out += '\n';
    }
    return out;
}

Session redactedSession(const Session &session, Redactor &redactor)
{
    prepare(session, redactor);
    Session copy = session;
    copy.login = redactor.redact(copy.login);
    for (QString &device : copy.devices)
        device = redactor.redact(device);
    copy.node = redactor.redact(copy.node);
    copy.handler = redactor.redact(copy.handler);
    copy.providerId = redactor.redact(copy.providerId);
    for (StepResult &step : copy.steps) {
        step.label = redactor.redact(step.label);
        step.slowReason = redactor.redact(step.slowReason);
        step.note = redactor.redact(step.note);
    }
    if (copy.cause) {
        copy.cause->title = redactor.redact(copy.cause->title);
        copy.cause->explanation = redactor.redact(copy.cause->explanation);
        copy.cause->action = redactor.redact(copy.cause->action);
    }
    return copy;
}

} // namespace CtiFlow
