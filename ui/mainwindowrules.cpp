// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rules the window analyses with: the built-in ones or the user's own file (Edit > Analysis Rules).
#include "mainwindow.h"

#include "analyzer.h"
#include "rulesdialog.h"

#include <QLabel>

namespace CtiFlow {

void MainWindow::applyRules(std::shared_ptr<const Rules> rules)
{
    m_rules = rules;
    m_loader->setAnalyzer([rules](const TraceStore &store) { return analyzeSessions(store, *rules); });
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
