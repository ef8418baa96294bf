// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rules the window analyses with: the built-in ones or the user's own file (Edit > Analysis Rules);
// and the window's way to a session by its number (ctiflow --select N).
#include "mainwindow.h"

#include "analyzer.h"
#include "rulesdialog.h"
#include "sessioncontroller.h"
#include "sessionmodel.h"

#include <QLabel>

namespace CtiFlow {

void MainWindow::applyRules(std::shared_ptr<const Rules> rules)
{
    m_rules = rules;
    m_loader->setAnalyzer([rules](const TraceStore &store) { return analyzeSessions(store, *rules); });
}

bool MainWindow::selectSessionNumber(int number)
{
    const QList<Session> &sessions = m_sessions->sessionModel()->sessions();
    for (int i = 0; i < sessions.size(); ++i) {
        if (sessions[i].number == number) {
            m_sessions->selectSession(i);
            return true;
        }
    }
    m_status->setText(tr("No session %1 in this bundle").arg(number));
    return false;
}

void MainWindow::askRules()
{
    RulesDialog dialog(savedRulesFile(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    saveRulesFile(dialog.rulesFile());
    applyRules(dialog.rules());
    // The open bundle (or pasted text) is analysed again with them.
    shiftNodeClocks(m_clockOffsets);
    m_status->setText(dialog.rulesFile().isEmpty() ? tr("Analysing with the built-in rules")
                                                   : tr("Analysing with the rules of %1").arg(dialog.rulesFile()));
}

} // namespace CtiFlow
