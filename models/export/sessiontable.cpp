// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiontable.h"

#include "ctierror.h"
#include "flowtext.h"
#include "redactor.h"
#include "sessionjson.h"
#include "tracestore.h"

#include <QDateTime>
#include <QSaveFile>
#include <QTimeZone>

namespace CtiFlow {

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

// Store times count from the epoch, the file's day included; a time under one day has no day to print.
QString timeText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < msPerDay)
        return timeOfDayText(ms);
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

// A spreadsheet runs a cell that starts like a formula; a negative number is data.
bool looksLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    const QChar first = value.front();
    if (first == u'=' || first == u'+' || first == u'@')
        return true;
    return first == u'-' && !(value.size() > 1 && value[1].isDigit());
}

RecordIndex locationRecord(const Session &session)
{
    if (session.cause && !session.cause->evidence.isEmpty())
        return session.cause->evidence.first();
    return session.records.isEmpty() ? RecordIndex{} : session.records.first();
}

} // namespace

QStringList sessionTableHeader()
{
    return {QStringLiteral("number"),      QStringLiteral("start"),
            QStringLiteral("end"),         QStringLiteral("duration_ms"),
            QStringLiteral("user"),        QStringLiteral("devices"),
            QStringLiteral("node"),        QStringLiteral("connection"),
            QStringLiteral("handler"),     QStringLiteral("provider_id"),
            QStringLiteral("token_login"), QStringLiteral("outcome"),
            QStringLiteral("failed_step"), QStringLiteral("failed_step_label"),
            QStringLiteral("cause"),       QStringLiteral("cause_title"),
            QStringLiteral("code"),        QStringLiteral("code_unsigned"),
            QStringLiteral("code_signed"), QStringLiteral("slow_steps"),
            QStringLiteral("evidence")};
}

QStringList sessionTableRow(const Session &session, const TraceStore *store, Redactor &redactor)
{
    const Session shown = redactor.isEnabled() ? redactedSession(session, redactor) : session;
    const int failed = shown.failedStepIndex();
    QStringList slow;
    for (const StepResult &step : shown.steps) {
        if (step.slow)
            slow.append(step.id);
    }
    const std::optional<quint32> code = shown.cause ? shown.cause->code : std::nullopt;
    const RecordIndex location = locationRecord(shown);
    const bool timed = shown.firstMs >= 0 && shown.lastMs >= shown.firstMs;
    return {QString::number(shown.number),
            timeText(shown.firstMs),
            timeText(shown.lastMs),
            timed ? QString::number(shown.lastMs - shown.firstMs) : QString(),
            shown.login,
            shown.devices.join(QLatin1Char(' ')),
            shown.node,
            shown.connection,
            shown.handler,
            shown.providerId,
            shown.tokenLogin ? QStringLiteral("yes") : QStringLiteral("no"),
            outcomeId(shown.outcome),
            failed >= 0 ? shown.steps[failed].id : QString(),
            failed >= 0 ? shown.steps[failed].label : QString(),
            shown.cause ? shown.cause->id : QString(),
            shown.cause ? shown.cause->title : QString(),
            code ? ctiErrorHex(*code) : QString(),
            code ? ctiErrorUnsigned(*code) : QString(),
            code ? ctiErrorSigned(*code) : QString(),
            slow.join(QLatin1Char(' ')),
            store && location.isValid() ? redactor.redact(recordLocation(*store, location)) : QString()};
}

QString tableCell(const QString &value, TableFormat format)
{
    QString cell = looksLikeFormula(value) ? QLatin1Char('\'') + value : value;
    if (format == TableFormat::Tsv) {
        for (QChar &c : cell) {
            if (c == u'\t' || c == u'\n' || c == u'\r')
                c = u' ';
        }
        return cell;
    }
    if (!cell.contains(u',') && !cell.contains(u'"') && !cell.contains(u'\n') && !cell.contains(u'\r'))
        return cell;
    cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

QByteArray sessionTable(const QList<Session> &sessions, const TraceStore *store, Redactor &redactor, TableFormat format)
{
    for (const Session &session : sessions) {
        redactor.addUser(session.login);
        for (const QString &device : session.devices)
            redactor.addDevice(device);
    }
    const QChar separator = format == TableFormat::Csv ? QLatin1Char(',') : QLatin1Char('\t');
    const QLatin1String lineEnd = format == TableFormat::Csv ? QLatin1String("\r\n") : QLatin1String("\n");
    const auto line = [&](const QStringList &cells) -> QString {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                text += separator;
            text += tableCell(cells[i], format);
        }
        return text + lineEnd;
    };
    QString table = line(sessionTableHeader());
    for (const Session &session : sessions)
        table += line(sessionTableRow(session, store, redactor));
    return table.toUtf8();
}

bool writeSessionTable(const QString &path, const QList<Session> &sessions, const TraceStore *store, bool redact,
                       QString *error)
{
    Redactor redactor(redact);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("\xEF\xBB\xBF") < 0 ||
        file.write(sessionTable(sessions, store, redactor, TableFormat::Csv)) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace CtiFlow
