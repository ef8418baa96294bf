// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Edit > Step Note in the window: written on the selected step, shown in the diagram and the details,
// kept in the notes file and found again when the same trace is opened later.
#include "detailspanel.h"
#include "mainwindow.h"
#include "stepnotes.h"
#include "swimlaneview.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace CtiFlow;

namespace {

const QString samplePath = QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt");

bool openSample(MainWindow &window)
{
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths({samplePath});
    return (loaded.wait(10'000) || !loaded.isEmpty()) && window.swimLaneView()->hasSession();
}

QAction *noteAction(const MainWindow &window)
{
    for (QAction *action : window.swimLaneView()->actions()) {
        if (action->text() == QStringLiteral("Step &Note…"))
            return action;
    }
    return nullptr;
}

// Triggers the action and answers its dialog with text.
void writeNote(QAction *action, const QString &text)
{
    QTimer::singleShot(0, action, [text] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setTextValue(text);
        dialog->accept();
    });
    action->trigger();
}

} // namespace

class TestStepNoteWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ctiflow-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_stepnotewindow"));
        QSettings().clear();
        QFile::remove(StepNotes::defaultPath());
    }

    void noteIsShownKeptAndFoundAgain()
    {
        const QString note = QStringLiteral("LDAP server rebooted at 09:12");
        {
            MainWindow window;
            window.show();
            QVERIFY(openSample(window));
            QAction *action = noteAction(window);
            QVERIFY(action); // also in the diagram's context menu
            QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
            SwimLaneView *view = window.swimLaneView();
            view->setSelectedStep(2);
            const QImage before = view->viewport()->grab().toImage();
            writeNote(action, note);
            QCOMPARE(view->session().steps[2].note, note);
            QVERIFY(window.detailsPanel()->toPlainText().contains(QStringLiteral("Your note: ") + note));
            QVERIFY(view->viewport()->grab().toImage() != before); // drawn on the diagram
            QFile file(StepNotes::defaultPath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.readAll().contains(note.toUtf8()));
        }
        {
            // Another window, the same trace: the note is there again, and an empty note removes it.
            MainWindow window;
            window.show();
            QVERIFY(openSample(window));
            SwimLaneView *view = window.swimLaneView();
            QCOMPARE(view->session().steps[2].note, note);
            view->setSelectedStep(2);
            writeNote(noteAction(window), QString());
            QCOMPARE(view->session().steps[2].note, QString());
            StepNotes saved;
            QVERIFY(saved.load(StepNotes::defaultPath()));
            QCOMPARE(saved.size(), 0);
        }
    }
};

QTEST_MAIN(TestStepNoteWindow)
#include "tst_stepnotewindow.moc"
