// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadcontroller.h"
#include "rules.h"
#include "stepnotes.h"

#include <QMainWindow>

#include <functional>
#include <optional>

class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace CtiFlow {

class BundleWatcher;
class ComparePanel;
class DetailsPanel;
class LogView;
class SessionController;
class StartPage;
class SwimLaneView;
class TimingCharts;

// The troubleshooting window: a start page until a bundle is open, then the sessions table, the
// swim-lane diagram, the linked log, details, timing charts and problems.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the paths (files, folders, archives) in the background and shows them.
    void openPaths(const QStringList &paths);
    // Opens trace text that is in no file (pasted or dropped), read as one input of that name; says
    // so in the status bar and keeps the open bundle when the text holds no trace record.
    void openText(const QString &name, const QByteArray &text);
    // The clipboard's files, or its text as a trace (Edit > Paste Trace).
    void pasteTrace();
    void setAnalyzer(SessionAnalyzer analyzer);
    // Reads the open bundle again with these node clock offsets (ms per node label).
    void shiftNodeClocks(const QHash<QString, qint64> &offsets);
    // Reads the open bundle's files again (File > Reload): files written or added since show, its
    // clock offsets stay, and the session and step looked at stay selected when the bundle still has them.
    void reload();
    const QHash<QString, qint64> &nodeClockOffsets() const { return m_clockOffsets; }
    // The rules the loader analyses with from now on (Edit > Analysis Rules keeps a choice).
    void applyRules(std::shared_ptr<const Rules> rules);
    // Shows the session of that number (as ctiflow analyze lists them); false, with a word in the
    // status bar, when the bundle has none.
    bool selectSessionNumber(int number);

    bool isShowingStartPage() const;
    // The window shows the first file of a bundle still loading (a banner over the diagram says so).
    bool isShowingPreview() const { return m_showingPreview; }
    QLabel *previewBanner() const { return m_previewBanner; }
    LoadController *loader() const { return m_loader; }
    SessionController *sessions() const { return m_sessions; }
    QTableView *sessionTable() const { return m_sessionTable; }
    SwimLaneView *swimLaneView() const { return m_swimLanes; }
    LogView *logView() const { return m_log; }
    DetailsPanel *detailsPanel() const { return m_details; }
    TimingCharts *timingCharts() const { return m_charts; }
    QTreeWidget *problemsView() const { return m_problems; }
    ComparePanel *comparePanel() const { return m_compare; }
    StartPage *startPage() const { return m_startPage; }

Q_SIGNALS:
    // The first file's sessions of a bundle still loading are shown, a session selected.
    void previewShown();
    void loadFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setupActions();
    void setupFileMenu();
    void setupViewMenu();
    void setupCentralWidget();
    void setupDocks();
    void setupStatusBar();
    void setupConnections();
    void restoreSettings();
    void saveSettings() const;
    void applyTheme(const QString &theme);

    void onLoadStarted(const QStringList &paths);
    void onProgressChanged(qint64 done, qint64 total);
    void onPreviewReady(const LoadResult &preview);
    void onLoadFinished(const LoadResult &result);
    void reselectSession(const std::optional<Session> &kept, int keptStep);
    // Runs each step on a later turn of the event loop, one per turn, while the bundle shown stays
    // the same.
    void runInTurns(QList<std::function<void()>> steps);
    void showProblems(const LoadResult &result);
    // Selects the record a problem is about (its line, or its file's first record) in the log.
    void showProblemInLog(const QTreeWidgetItem *item);
    void addRecentBundle(const QStringList &paths);
    void rebuildRecentMenu();
    void askGoToLine();
    void askShiftNodeClocks();
    QString loadTitle(const QStringList &paths) const; // of a bundle or a pasted text
    void chooseFiles();
    void chooseFolder();
    void exportSession(bool redact);
    // The sessions the table shows, as CSV.
    void exportSessionList(bool redact);
    void copyDiagram();
    // Edit > Copy Summary: the session in a few sentences, for a chat or a case note.
    void copySummary();
    void askRules();
    // Edit > Step Note: asks for the selected step's note, keeps it and shows it.
    void editStepNote();
    void loadStepNotes();

    LoadController *m_loader = nullptr;
    BundleWatcher *m_watcher = nullptr;
    SessionController *m_sessions = nullptr;
    QStackedWidget *m_stack = nullptr;
    StartPage *m_startPage = nullptr;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_sessionFilter = nullptr;
    QTableView *m_sessionTable = nullptr;
    SwimLaneView *m_swimLanes = nullptr;
    QLabel *m_previewBanner = nullptr;
    LogView *m_log = nullptr;
    DetailsPanel *m_details = nullptr;
    TimingCharts *m_charts = nullptr;
    QTreeWidget *m_problems = nullptr;
    ComparePanel *m_compare = nullptr;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_themes = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QAction *m_shiftClocks = nullptr;
    QAction *m_reload = nullptr;
    QList<QStringList> m_recent;
    QStringList m_bundlePaths;             // the open bundle
    QList<LoadOptions::Text> m_texts;      // or the pasted text it is
    QHash<QString, qint64> m_clockOffsets; // its node clock offsets
    QString m_theme;
    bool m_showingPreview = false;
    bool m_reloadWhenDone = false;        // the bundle's files changed while it loaded
    std::shared_ptr<const Rules> m_rules; // what the loader analyses with
    StepNotes m_notes;
    QString m_notesError; // why the notes file could not be read: it is then not written over either
    // The session and step looked at when the bundle was read again (reload, clock shift).
    std::optional<std::pair<Session, int>> m_reselect;
    quint64 m_shownBundle = 0; // counts the bundles (and previews) shown
};

} // namespace CtiFlow
