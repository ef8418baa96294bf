// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionjson.h"

#include "ctierror.h"

#include <QDir>
#include <QJsonArray>
#include <QTime>

namespace CtiFlow {

namespace {

QJsonArray recordsToJson(const TraceStore &store, const QList<RecordIndex> &records)
{
    QJsonArray array;
    for (const RecordIndex index : records) {
        const RecordFields fields = store.fields(index);
        QJsonObject record;
        record[QStringLiteral("file")] = store.fileOf(index).path;
        record[QStringLiteral("line")] = store.line(index).value;
        record[QStringLiteral("seq")] = QString::fromLatin1(fields.sequence);
        array.append(record);
    }
    return array;
}

QJsonValue causeToJson(const TraceStore &store, const std::optional<Cause> &cause)
{
    if (!cause)
        return QJsonValue::Null;
    QJsonObject object;
    object[QStringLiteral("id")] = cause->id;
    object[QStringLiteral("title")] = cause->title;
    object[QStringLiteral("explanation")] = cause->explanation;
    object[QStringLiteral("action")] = cause->action;
    object[QStringLiteral("code")] = cause->code ? QJsonValue(ctiErrorHex(*cause->code)) : QJsonValue::Null;
    if (cause->code) {
        object[QStringLiteral("codeSpellings")] =
            QJsonArray{ctiErrorHex(*cause->code), ctiErrorUnsigned(*cause->code), ctiErrorSigned(*cause->code)};
    }
    object[QStringLiteral("step")] = cause->stepId;
    object[QStringLiteral("records")] = recordsToJson(store, cause->evidence);
    return object;
}

QJsonObject stepToJson(const TraceStore &store, const StepResult &step)
{
    QJsonObject object;
    object[QStringLiteral("id")] = step.id;
    object[QStringLiteral("from")] = step.from;
    object[QStringLiteral("to")] = step.to;
    object[QStringLiteral("status")] = stepStatusId(step.status);
    object[QStringLiteral("time")] = step.timeMs >= 0 ? QJsonValue(timeOfDayText(step.timeMs)) : QJsonValue::Null;
    if (step.deltaMs >= 0)
        object[QStringLiteral("deltaMs")] = step.deltaMs;
    if (step.slow) {
        object[QStringLiteral("slow")] = true;
        object[QStringLiteral("slowReason")] = step.slowReason;
    }
    object[QStringLiteral("records")] = recordsToJson(store, step.evidence);
    return object;
}

} // namespace

QString timeOfDayText(qint64 ms)
{
    if (ms < 0)
        return QString();
    return QTime::fromMSecsSinceStartOfDay(int(ms % 86400000)).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QJsonObject sessionToJson(const TraceStore &store, const Session &session)
{
    QJsonObject object;
    object[QStringLiteral("number")] = session.number;
    object[QStringLiteral("login")] = session.login;
    object[QStringLiteral("devices")] = QJsonArray::fromStringList(session.devices);
    object[QStringLiteral("node")] = session.node;
    object[QStringLiteral("connection")] = session.connection;
    object[QStringLiteral("handler")] = session.handler;
    object[QStringLiteral("providerId")] = session.providerId;
    object[QStringLiteral("first")] = timeOfDayText(session.firstMs);
    object[QStringLiteral("last")] = timeOfDayText(session.lastMs);
    object[QStringLiteral("tokenLogin")] = session.tokenLogin;
    object[QStringLiteral("outcome")] = outcomeId(session.outcome);
    object[QStringLiteral("cause")] = causeToJson(store, session.cause);
    QJsonArray steps;
    for (const StepResult &step : session.steps)
        steps.append(stepToJson(store, step));
    object[QStringLiteral("steps")] = steps;
    return object;
}

QJsonObject analysisToJson(const TraceStore &store, const QStringList &inputs, const QList<Session> &sessions)
{
    std::vector<qint64> recordsPerFile(size_t(store.fileCount()), 0);
    for (qsizetype i = 0; i < store.recordCount(); ++i)
        ++recordsPerFile[store.entry(RecordIndex{i}).file];
    QJsonArray inputArray;
    for (const QString &input : inputs) {
        const QString path = QDir::cleanPath(input);
        auto inside = [&](const QString &file) {
            const QString clean = QDir::cleanPath(file);
            return clean == path || clean.startsWith(path + QLatin1Char('/')) ||
                   clean.startsWith(path + QLatin1Char('!'));
        };
        qint64 records = 0;
        for (int f = 0; f < store.fileCount(); ++f) {
            if (inside(store.file(f).path))
                records += recordsPerFile[size_t(f)];
        }
        QJsonArray problems;
        for (const Problem &problem : store.problems()) {
            if (!inside(problem.file))
                continue;
            QJsonObject p;
            p[QStringLiteral("file")] = problem.file;
            p[QStringLiteral("line")] = problem.line;
            p[QStringLiteral("severity")] = severityName(problem.severity);
            p[QStringLiteral("reason")] = problem.reason;
            problems.append(p);
        }
        QJsonObject object;
        object[QStringLiteral("path")] = input;
        object[QStringLiteral("kind")] = QStringLiteral("cucm-sdl");
        object[QStringLiteral("records")] = records;
        object[QStringLiteral("problems")] = problems;
        inputArray.append(object);
    }
    QJsonArray sessionArray;
    for (const Session &session : sessions)
        sessionArray.append(sessionToJson(store, session));
    QJsonObject document;
    document[QStringLiteral("inputs")] = inputArray;
    document[QStringLiteral("sessions")] = sessionArray;
    return document;
}

QString sessionLine(const Session &session)
{
    QString line =
        QStringLiteral("%1  %2  %3  %4  %5")
            .arg(timeOfDayText(session.firstMs), -12)
            .arg(session.login.isEmpty() ? QStringLiteral("-") : session.login, -16)
            .arg(session.devices.isEmpty() ? QStringLiteral("-") : session.devices.join(QLatin1Char(',')), -16)
            .arg(session.node, -10)
            .arg(outcomeId(session.outcome), -10);
    const int failed = session.failedStepIndex();
    if (failed >= 0)
        line += QStringLiteral("  at %1").arg(session.steps[failed].id);
    if (session.cause) {
        line += QStringLiteral("  %1").arg(session.cause->id);
        if (session.cause->code)
            line += QStringLiteral(" (%1)").arg(ctiErrorHex(*session.cause->code));
        line += QStringLiteral(": ") + session.cause->title;
    }
    return line.trimmed();
}

} // namespace CtiFlow
