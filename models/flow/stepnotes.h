// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include <QHash>
#include <QString>

namespace CtiFlow {

// The engineer's notes on steps of logins ("LDAP server rebooted at 09:12"), kept apart from the
// traces (which are never written to) in one JSON file, and found again whenever the same login is
// opened: a login is known by its user, node, connection and first record's date and time, as the
// trace has it (shiftMs, a clock shift the user gave the session's node, is taken back off).
class StepNotes
{
public:
    // Notes kept at most, and characters per note: a notes file stays small enough to read at start.
    static constexpr int maxNotes = 10000;
    static constexpr int maxNoteLength = 2000;

    static QString sessionKey(const Session &session, qint64 shiftMs = 0);
    // Where the window keeps its notes and the command line finds them: the user's data folder.
    static QString defaultPath();

    QString note(const Session &session, const QString &stepId, qint64 shiftMs = 0) const;
    // An empty text removes the note. Longer texts are cut to maxNoteLength; past maxNotes notes the
    // note is refused (returns false).
    bool setNote(const Session &session, const QString &stepId, const QString &text, qint64 shiftMs = 0);
    // Sets every step's note from the notes kept (steps without one get none); nodeShifts: the clock
    // shifts by node label.
    void apply(QList<Session> &sessions, const QHash<QString, qint64> &nodeShifts = {}) const;
    void apply(Session &session, qint64 shiftMs = 0) const;
    qsizetype size() const { return m_notes.size(); }

    // Reads a notes file; a missing file is no notes. A file that cannot be read as notes is refused
    // with the reason, and nothing is read from it.
    bool load(const QString &path, QString *error = nullptr);
    // Writes atomically; the folder is made when missing.
    bool save(const QString &path, QString *error = nullptr) const;

private:
    QHash<QString, QString> m_notes; // "<session key>\t<step id>" -> text
};

} // namespace CtiFlow
