// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engineer's notes on steps: asked for, kept in the notes file, shown in the diagram, the details
// and every export.
#include "mainwindow.h"

#include "sessioncontroller.h"
#include "swimlaneview.h"
#include "uilogging.h"

#include <QInputDialog>
#include <QLabel>

namespace CtiFlow {

void MainWindow::loadStepNotes()
{
    QString error;
    if (!m_notes.load(StepNotes::defaultPath(), &error)) {
        m_notesError = error;
        qCWarning(lcUi) << "step notes not read:" << error;
        m_status->setText(tr("Notes not read: %1").arg(error));
    }
}

void MainWindow::editStepNote()
{
    const int step = m_swimLanes->selectedStep();
    if (!m_swimLanes->hasSession() || step < 0) {
        m_status->setText(tr("Select a step to write a note on"));
        return;
    }
    const Session &session = m_swimLanes->session();
    const StepResult &result = session.steps[step];
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Step Note"),
        tr("Note on \"%1\" of %2's login (kept with CTI Flow, shown in exports; empty removes it):")
            .arg(result.label, session.login.isEmpty() ? tr("an unknown user") : session.login),
        result.note, &ok);
    if (!ok)
        return;
    const qint64 shift = m_clockOffsets.value(session.node); // the note belongs to the trace's own times
    if (!m_notes.setNote(session, result.id, text, shift)) {
        m_status->setText(tr("Note not kept: %n notes are kept at most", nullptr, StepNotes::maxNotes));
        return;
    }
    m_sessions->setStepNote(step, m_notes.note(session, result.id, shift));
    QString error = m_notesError;
    if (error.isEmpty() && !m_notes.save(StepNotes::defaultPath(), &error))
        qCWarning(lcUi) << "step notes not saved:" << error;
    if (!error.isEmpty())
        m_status->setText(tr("Note shown but not saved: %1").arg(error));
}

} // namespace CtiFlow
