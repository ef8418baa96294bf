// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rules.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace CtiFlow {

// The rules file the window analyses with, kept in the settings ("" for the built-in rules).
QString savedRulesFile();
void saveRulesFile(const QString &path);
// The rules of that file, or the built-in ones when none is set. A file that is refused gives the
// built-in rules and the problem (file, line, reason) in problem.
std::shared_ptr<const Rules> rulesFromSettings(QString *problem = nullptr);

// Edit > Analysis Rules: the built-in rules, or a rules file of the user's own (a new failure signature,
// a cause worded for their team, another slow threshold) without rebuilding. A copy of the built-in
// rules can be saved as the start of one. A file the analysis would refuse is not taken: the dialog
// names the file, the place and the reason and stays open.
class RulesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RulesDialog(const QString &rulesFile, QWidget *parent = nullptr);

    // "" for the built-in rules.
    QString rulesFile() const;
    // The rules read when the dialog was accepted.
    std::shared_ptr<const Rules> rules() const { return m_rules; }

    QRadioButton *builtinButton() const { return m_builtin; }
    QRadioButton *fileButton() const { return m_file; }
    QLineEdit *pathEdit() const { return m_path; }
    QLabel *problemLabel() const { return m_problem; }
    // Writes the built-in rules to path (atomically); false with the reason in error.
    static bool saveBuiltinRules(const QString &path, QString *error);

    void accept() override;

private:
    void chooseFile();
    void saveCopy();

    QRadioButton *m_builtin = nullptr;
    QRadioButton *m_file = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_problem = nullptr;
    std::shared_ptr<const Rules> m_rules;
};

} // namespace CtiFlow
