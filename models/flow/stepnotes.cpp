// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stepnotes.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimeZone>

#include <algorithm>

namespace CtiFlow {

namespace {

const QString formatName = QStringLiteral("ctiflow-step-notes");
constexpr int formatVersion = 1;
// A notes file larger than this is no notes file of ours.
constexpr qint64 maxFileBytes = 64LL * 1024 * 1024;

QString noteKey(const QString &sessionKey, const QString &stepId)
{
    return sessionKey + QLatin1Char('\t') + stepId;
}

void fail(QString *error, const QString &path, const QString &reason)
{
    if (error)
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), reason);
}

} // namespace

QString StepNotes::sessionKey(const Session &session, qint64 shiftMs)
{
    const QString first = QDateTime::fromMSecsSinceEpoch(session.firstMs - shiftMs, QTimeZone::UTC)
                              .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
    return QStringList{session.login, session.node, session.connection, first}.join(QLatin1Char('|'));
}

QString StepNotes::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/step-notes.json");
}

QString StepNotes::note(const Session &session, const QString &stepId, qint64 shiftMs) const
{
    return m_notes.value(noteKey(sessionKey(session, shiftMs), stepId));
}

bool StepNotes::setNote(const Session &session, const QString &stepId, const QString &text, qint64 shiftMs)
{
    const QString key = noteKey(sessionKey(session, shiftMs), stepId);
    const QString trimmed = text.trimmed().left(maxNoteLength);
    if (trimmed.isEmpty()) {
        m_notes.remove(key);
        return true;
    }
    if (!m_notes.contains(key) && m_notes.size() >= maxNotes)
        return false;
    m_notes.insert(key, trimmed);
    return true;
}

void StepNotes::apply(Session &session, qint64 shiftMs) const
{
    const QString key = sessionKey(session, shiftMs);
    for (StepResult &step : session.steps)
        step.note = m_notes.value(noteKey(key, step.id));
}

void StepNotes::apply(QList<Session> &sessions, const QHash<QString, qint64> &nodeShifts) const
{
    for (Session &session : sessions)
        apply(session, nodeShifts.value(session.node));
}

bool StepNotes::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        m_notes.clear();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, path, file.errorString());
        return false;
    }
    if (file.size() > maxFileBytes) {
        fail(error, path, QStringLiteral("larger than %1 MiB, not read").arg(maxFileBytes / (1024 * 1024)));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error, path,
             QStringLiteral("not JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        return false;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != formatName) {
        fail(error, path, QStringLiteral("not a notes file (\"format\" is not \"%1\")").arg(formatName));
        return false;
    }
    if (root.value(QStringLiteral("version")).toInt() > formatVersion) {
        fail(error, path,
             QStringLiteral("written by a newer CTI Flow (version %1)")
                 .arg(root.value(QStringLiteral("version")).toInt()));
        return false;
    }
    QHash<QString, QString> notes;
    const QJsonArray entries = root.value(QStringLiteral("notes")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries[i].toObject();
        const QJsonValue session = entry.value(QStringLiteral("session"));
        const QJsonValue step = entry.value(QStringLiteral("step"));
        const QJsonValue text = entry.value(QStringLiteral("text"));
        if (!session.isString() || !step.isString() || !text.isString()) {
            fail(error, path, QStringLiteral("note %1 lacks its session, step or text").arg(i + 1));
            return false;
        }
        if (notes.size() < maxNotes && !text.toString().trimmed().isEmpty())
            notes.insert(noteKey(session.toString(), step.toString()), text.toString().left(maxNoteLength));
    }
    m_notes = std::move(notes);
    return true;
}

bool StepNotes::save(const QString &path, QString *error) const
{
    // In key order, so that the file changes only where a note did.
    QStringList keys = m_notes.keys();
    std::sort(keys.begin(), keys.end());
    QJsonArray entries;
    for (const QString &key : std::as_const(keys)) {
        const qsizetype tab = key.lastIndexOf(QLatin1Char('\t'));
        entries.append(QJsonObject{{QStringLiteral("session"), key.left(tab)},
                                   {QStringLiteral("step"), key.mid(tab + 1)},
                                   {QStringLiteral("text"), m_notes.value(key)}});
    }
    const QJsonObject root{{QStringLiteral("format"), formatName},
                           {QStringLiteral("version"), formatVersion},
                           {QStringLiteral("notes"), entries}};
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        fail(error, path, QStringLiteral("cannot make its folder"));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        fail(error, path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        fail(error, path, file.errorString());
        return false;
    }
    return true;
}

} // namespace CtiFlow
