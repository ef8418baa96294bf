// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Edit > Analysis Rules: the window analyses with the user's own rules file, kept in the settings; a
// file the analysis would refuse is not taken, and says why.
#include "mainwindow.h"
#include "rulesdialog.h"
#include "swimlaneview.h"
#include "windowtext.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace CtiFlow;
using WindowText::statusText;

namespace {

const QString fixture = QStringLiteral(CTIFLOW_TEST_DATA "/flow/cause-directory-unavailable.txt");
const QString builtinTitle = QStringLiteral("Directory (LDAP) unreachable");
const QString teamTitle = QStringLiteral("LDAP down: call the directory team");

QByteArray builtinText()
{
    QFile file(builtinRules().source);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QString causeShown(MainWindow &window)
{
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    if (!loaded.wait(10'000) && loaded.isEmpty())
        return QStringLiteral("(not loaded)");
    const Session &session = window.swimLaneView()->session();
    return session.cause ? session.cause->title : QString();
}

} // namespace

class TestRulesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ctiflow-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_rulesdialog"));
        QVERIFY(m_dir.isValid());
        QByteArray team = builtinText();
        QVERIFY(team.contains(builtinTitle.toUtf8()));
        team.replace(builtinTitle.toUtf8(), teamTitle.toUtf8());
        QVERIFY(write(m_dir.filePath(QStringLiteral("team.json")), team));
        QVERIFY(write(m_dir.filePath(QStringLiteral("broken.json")), "{ \"lanes\": [ }"));
    }

    void init() { QSettings().clear(); }

    void copyOfTheBuiltinRulesLoads()
    {
        const QString path = m_dir.filePath(QStringLiteral("copy.json"));
        QString error;
        QVERIFY2(RulesDialog::saveBuiltinRules(path, &error), qPrintable(error));
        QFile copy(path);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), builtinText());
        Problem problem;
        QVERIFY(loadRules(path, &problem));
    }

    void refusedFileKeepsTheDialogOpen()
    {
        RulesDialog dialog{QString()};
        QVERIFY(dialog.builtinButton()->isChecked());
        dialog.pathEdit()->setText(m_dir.filePath(QStringLiteral("broken.json")));
        Q_EMIT dialog.pathEdit()->textEdited(dialog.pathEdit()->text());
        QVERIFY(dialog.fileButton()->isChecked());
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(!dialog.rules());
        const QString problem = dialog.problemLabel()->text();
        QVERIFY2(problem.startsWith(QStringLiteral("Refused: ")) && problem.contains(QStringLiteral("broken.json:1")),
                 qPrintable(problem));

        dialog.builtinButton()->setChecked(true);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.rulesFile(), QString());
        QCOMPARE(dialog.rules()->source, builtinRules().source);
    }

    // Chosen in the dialog: the open trace is analysed again with them, and the choice is kept.
    void chosenRulesAnalyseTheOpenTrace()
    {
        MainWindow window;
        window.show();
        window.openPaths({fixture});
        QCOMPARE(causeShown(window), builtinTitle);

        const QString team = m_dir.filePath(QStringLiteral("team.json"));
        QTimer::singleShot(0, &window, [team] {
            auto *dialog = qobject_cast<RulesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->fileButton()->setChecked(true);
            dialog->pathEdit()->setText(team);
            dialog->accept();
        });
        const QList<QAction *> actions = window.findChildren<QAction *>();
        const auto rules = std::find_if(actions.cbegin(), actions.cend(), [](const QAction *a) {
            return a->text() == QStringLiteral("Analysis R&ules…");
        });
        QVERIFY(rules != actions.cend());
        (*rules)->trigger();
        QCOMPARE(causeShown(window), teamTitle);
        QVERIFY2(statusText(window).contains(QStringLiteral("rules from team.json")), qPrintable(statusText(window)));
        QCOMPARE(savedRulesFile(), team);

        // A new window starts with them.
        MainWindow next;
        next.openPaths({fixture});
        QCOMPARE(causeShown(next), teamTitle);
    }

    void refusedFileAtStartFallsBackToTheBuiltinRules()
    {
        saveRulesFile(m_dir.filePath(QStringLiteral("broken.json")));
        MainWindow window;
        QVERIFY2(statusText(window).startsWith(QStringLiteral("Rules file refused, the built-in rules are used: ")),
                 qPrintable(statusText(window)));
        window.openPaths({fixture});
        QCOMPARE(causeShown(window), builtinTitle);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestRulesDialog)
#include "tst_rulesdialog.moc"
