// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulesdialog.h"

#include "uilogging.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSettings>
#include <QVBoxLayout>

namespace CtiFlow {

namespace {

const QString settingsKey = QStringLiteral("analysis/rulesFile");

} // namespace

QString savedRulesFile()
{
    return QSettings().value(settingsKey).toString();
}

void saveRulesFile(const QString &path)
{
    if (path.isEmpty())
        QSettings().remove(settingsKey);
    else
        QSettings().setValue(settingsKey, path);
}

std::shared_ptr<const Rules> rulesFromSettings(QString *problem)
{
    const QString path = savedRulesFile();
    if (!path.isEmpty()) {
        Problem refused;
        if (std::optional<Rules> rules = loadRules(path, &refused))
            return std::make_shared<const Rules>(std::move(*rules));
        qCWarning(lcUi) << "rules file refused:" << refused.toString();
        if (problem)
            *problem = refused.toString();
    }
    return std::make_shared<const Rules>(builtinRules());
}

RulesDialog::RulesDialog(const QString &rulesFile, QWidget *parent)
    : QDialog(parent)
    , m_builtin(new QRadioButton(tr("The &built-in rules"), this))
    , m_file(new QRadioButton(tr("Rules from a &file:"), this))
    , m_path(new QLineEdit(rulesFile, this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Analysis Rules"));
    auto *intro = new QLabel(tr("The rules say how CTI Flow recognises the steps of a login, its failures and their "
                                "causes, and when a step is slow. A rules file of your own adds a signature or words "
                                "a cause for your team; start from a copy of the built-in rules."),
                             this);
    intro->setWordWrap(true);
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *copy = new QPushButton(tr("Save a Copy of the Built-in Rules…"), this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    (rulesFile.isEmpty() ? m_builtin : m_file)->setChecked(true);

    auto *grid = new QGridLayout;
    grid->addWidget(m_builtin, 0, 0, 1, 3);
    grid->addWidget(m_file, 1, 0);
    grid->addWidget(m_path, 1, 1);
    grid->addWidget(browse, 1, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->addButton(copy, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(640, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, &RulesDialog::chooseFile);
    connect(copy, &QPushButton::clicked, this, &RulesDialog::saveCopy);
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_file->setChecked(true); });
    connect(buttons, &QDialogButtonBox::accepted, this, &RulesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RulesDialog::reject);
}

QString RulesDialog::rulesFile() const
{
    return m_file->isChecked() ? m_path->text().trimmed() : QString();
}

bool RulesDialog::saveBuiltinRules(const QString &path, QString *error)
{
    QFile builtin(builtinRules().source);
    QSaveFile out(path);
    if (!builtin.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) || out.write(builtin.readAll()) < 0 ||
        !out.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

void RulesDialog::accept()
{
    const QString path = rulesFile();
    if (m_file->isChecked() && path.isEmpty()) {
        m_problem->setText(tr("Choose a rules file, or the built-in rules."));
        m_problem->show();
        return;
    }
    if (path.isEmpty()) {
        m_rules = std::make_shared<const Rules>(builtinRules());
        QDialog::accept();
        return;
    }
    Problem refused;
    std::optional<Rules> rules = loadRules(path, &refused);
    if (!rules) {
        m_problem->setText(tr("Refused: %1").arg(refused.toString()));
        m_problem->show();
        return;
    }
    m_rules = std::make_shared<const Rules>(std::move(*rules));
    QDialog::accept();
}

void RulesDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Rules File"), m_path->text(),
                                                      tr("CTI Flow rules (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_path->setText(path);
    m_file->setChecked(true);
}

void RulesDialog::saveCopy()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save a Copy of the Built-in Rules"),
                                     QStringLiteral("ctiflow-rules.json"), tr("CTI Flow rules (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveBuiltinRules(path, &error)) {
        m_problem->setText(tr("Not saved: %1").arg(error));
        m_problem->show();
        return;
    }
    m_path->setText(path);
    m_file->setChecked(true);
    m_problem->hide();
}

} // namespace CtiFlow
