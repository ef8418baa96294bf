// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "analyzer.h"
#include "bundlewatcher.h"
#include "comparepanel.h"
#include "detailspanel.h"
#include "flowexport.h"
#include "helpmenu.h"
#include "logmodel.h"
#include "logview.h"
#include "nodeclockdialog.h"
#include "readinglimits.h"
#include "rulesdialog.h"
#include "sessioncompare.h"
#include "sessioncontroller.h"
#include "sessionfiltermodel.h"
#include "sessionmodel.h"
#include "startpage.h"
#include "swimlaneview.h"
#include "theme.h"
#include "timingcharts.h"
#include "tracepath.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace CtiFlow {

namespace {

constexpr int maxRecentBundles = 10;

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new LoadController(this))
    , m_watcher(new BundleWatcher(this))
{
    setWindowTitle(tr("CTI Flow"));
    setAcceptDrops(true);
    setupCentralWidget();
    setupDocks();
    setupStatusBar();
    setupActions();
    setupConnections();
    resize(1600, 1000);
    restoreSettings();
    loadStepNotes();
    QString refused;
    applyRules(rulesFromSettings(&refused));
    if (!refused.isEmpty())
        m_status->setText(tr("Rules file refused, the built-in rules are used: %1").arg(refused));
    // Drops land on whichever child is under the cursor; catch them all so that "anywhere" holds.
    qApp->installEventFilter(this);
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

void MainWindow::setAnalyzer(SessionAnalyzer analyzer)
{
    m_loader->setAnalyzer(std::move(analyzer));
}

void MainWindow::setupCentralWidget()
{
    m_stack = new QStackedWidget(this);
    m_startPage = new StartPage(m_stack);
    m_stack->addWidget(m_startPage);

    auto *sessionsPanel = new QWidget(this);
    auto *layout = new QVBoxLayout(sessionsPanel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_sessionFilter = new QLineEdit(sessionsPanel);
    m_sessionFilter->setPlaceholderText(tr("Filter sessions by user, device, node, outcome, cause or note"));
    m_sessionFilter->setClearButtonEnabled(true);
    m_sessionTable = new QTableView(sessionsPanel);
    m_sessionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sessionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sessionTable->verticalHeader()->hide();
    m_sessionTable->horizontalHeader()->setStretchLastSection(true);
    m_sessionTable->setWordWrap(false);
    layout->addWidget(m_sessionFilter);
    layout->addWidget(m_sessionTable);

    m_splitter = new QSplitter(Qt::Vertical, m_stack);
    m_splitter->setObjectName(QStringLiteral("sessionsAndDiagram"));
    // The diagram under a banner that says when it comes from the first file of a bundle still loading.
    auto *diagramPanel = new QWidget(m_splitter);
    auto *diagramLayout = new QVBoxLayout(diagramPanel);
    diagramLayout->setContentsMargins(0, 0, 0, 0);
    diagramLayout->setSpacing(0);
    m_previewBanner = new QLabel(diagramPanel);
    m_previewBanner->setObjectName(QStringLiteral("previewBanner"));
    m_previewBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_previewBanner->setForegroundRole(QPalette::ToolTipText);
    m_previewBanner->setAutoFillBackground(true);
    m_previewBanner->setContentsMargins(8, 4, 8, 4);
    m_previewBanner->hide();
    m_swimLanes = new SwimLaneView(diagramPanel);
    diagramLayout->addWidget(m_previewBanner);
    diagramLayout->addWidget(m_swimLanes, 1);
    m_splitter->addWidget(sessionsPanel);
    m_splitter->addWidget(diagramPanel);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({150, 450});
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);
}

void MainWindow::setupDocks()
{
    const auto dock = [this](const QString &title, const QString &name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *dockWidget = new QDockWidget(title, this);
        dockWidget->setObjectName(name);
        dockWidget->setWidget(widget);
        addDockWidget(area, dockWidget);
        return dockWidget;
    };
    m_log = new LogView(this);
    m_details = new DetailsPanel(this);
    m_charts = new TimingCharts(this);
    m_problems = new QTreeWidget(this);
    m_problems->setHeaderLabels({tr("Severity"), tr("File"), tr("Line"), tr("Reason")});
    m_problems->setRootIsDecorated(false);
    connect(m_problems, &QTreeWidget::itemActivated, this,
            [this](const QTreeWidgetItem *item) { showProblemInLog(item); });

    QDockWidget *log = dock(tr("Log"), QStringLiteral("logDock"), m_log, Qt::BottomDockWidgetArea);
    QDockWidget *details = dock(tr("Details"), QStringLiteral("detailsDock"), m_details, Qt::BottomDockWidgetArea);
    QDockWidget *timing = dock(tr("Timing"), QStringLiteral("timingDock"), m_charts, Qt::BottomDockWidgetArea);
    QDockWidget *problems = dock(tr("Problems"), QStringLiteral("problemsDock"), m_problems, Qt::BottomDockWidgetArea);
    m_compare = new ComparePanel(this);
    QDockWidget *compare = dock(tr("Compare"), QStringLiteral("compareDock"), m_compare, Qt::BottomDockWidgetArea);
    splitDockWidget(log, details, Qt::Horizontal);
    tabifyDockWidget(details, compare);
    tabifyDockWidget(compare, timing);
    tabifyDockWidget(timing, problems);
    details->raise();
    resizeDocks({log, details}, {1000, 520}, Qt::Horizontal);
    resizeDocks({log}, {330}, Qt::Vertical);

    m_sessions = new SessionController({m_sessionTable, m_swimLanes, m_log, m_details, m_charts}, this);
    connect(m_sessions, &SessionController::sessionSelected, this,
            [this](int session) { m_compare->showSession(m_sessions->sessionModel()->sessions(), session); });
}

void MainWindow::setupStatusBar()
{
    m_status = new QLabel(tr("Open or drop a trace bundle, or paste trace lines (Ctrl+V)"), this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
}

void MainWindow::setupActions()
{
    setupFileMenu();
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find…"), m_log, &LogView::focusFind);
    find->setShortcut(QKeySequence::Find);
    QAction *next = edit->addAction(tr("Find &Next"), m_log, [this] { m_log->findNext(false); });
    next->setShortcut(QKeySequence::FindNext);
    QAction *previous = edit->addAction(tr("Find &Previous"), m_log, [this] { m_log->findNext(true); });
    previous->setShortcut(QKeySequence::FindPrevious);
    QAction *copy = edit->addAction(tr("&Copy Diagram"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this,
                                    &MainWindow::copyDiagram);
    m_swimLanes->addAction(copy);
    QAction *summary = edit->addAction(tr("Copy &Summary"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), this,
                                       &MainWindow::copySummary);
    m_swimLanes->addAction(summary);
    QAction *note = edit->addAction(tr("Step &Note…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this,
                                    &MainWindow::editStepNote);
    m_swimLanes->addAction(note);
    // Ctrl+V in the filter and find boxes pastes there: a focused line edit takes the key first.
    edit->addAction(tr("&Paste Trace"), QKeySequence::Paste, this, &MainWindow::pasteTrace);
    QAction *goToLine = edit->addAction(tr("&Go to Line…"), this, &MainWindow::askGoToLine);
    goToLine->setShortcut(Qt::CTRL | Qt::Key_L);
    edit->addSeparator();
    edit->addAction(tr("Analysis R&ules…"), this, &MainWindow::askRules);
    edit->addAction(tr("&Reading Limits…"), this, [this] {
        ReadingLimitsDialog dialog(savedReadingLimits(), this);
        if (dialog.exec() == QDialog::Accepted)
            saveReadingLimits(dialog.limits());
    });
    setupViewMenu();
    QMenu *help = addHelpMenu(this);
    // The sample stays at hand once the start page is gone.
    help->insertAction(help->actions().value(1), help->addAction(tr("Open the &Sample Trace"), this, [this] {
        openText(textbookTraceName(), textbookTrace());
    }));
}

void MainWindow::setupViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_swimLanes, &SwimLaneView::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_swimLanes, &SwimLaneView::zoomOut);
    view->addAction(tr("&Fit Diagram"), QKeySequence(Qt::CTRL | Qt::Key_0), m_swimLanes, &SwimLaneView::fitToWindow);
    view->addAction(tr("Show &All Lanes"), m_swimLanes, &SwimLaneView::showAllLanes);
    m_shiftClocks = view->addAction(tr("Shift Node &Clocks…"), this, &MainWindow::askShiftNodeClocks);
    m_shiftClocks->setEnabled(false);
    // Through the failed logins from anywhere in the window, in the table's order.
    for (const bool backwards : {false, true}) {
        QAction *walk = view->addAction(backwards ? tr("&Previous Failed Login") : tr("Ne&xt Failed Login"), this,
                                        [this, backwards] {
                                            if (!m_sessions->selectFailure(backwards))
                                                m_status->setText(tr("No failed login in the table"));
                                        });
        walk->setShortcut(backwards ? QKeySequence(Qt::SHIFT | Qt::Key_F8) : QKeySequence(Qt::Key_F8));
    }
    QAction *sessionOnly = view->addAction(tr("Log: This &Session Only"));
    sessionOnly->setCheckable(true);
    connect(sessionOnly, &QAction::toggled, m_log, &LogView::setSessionOnly);
    connect(m_log, &LogView::sessionOnlyChanged, sessionOnly, &QAction::setChecked);
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    m_themes = new QActionGroup(this);
    for (const auto &[id, title] : {std::pair{themeSystem(), tr("Follow the System")},
                                    std::pair{themeLight(), tr("Light")}, std::pair{themeDark(), tr("Dark")}}) {
        QAction *action = theme->addAction(title);
        action->setCheckable(true);
        action->setData(id);
        m_themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, themeId = id] { applyTheme(themeId); });
    }
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
}

void MainWindow::setupConnections()
{
    connect(m_loader, &LoadController::loadStarted, this, &MainWindow::onLoadStarted);
    connect(m_loader, &LoadController::progressChanged, this, &MainWindow::onProgressChanged);
    connect(m_loader, &LoadController::previewReady, this, &MainWindow::onPreviewReady);
    connect(m_loader, &LoadController::loadFinished, this, &MainWindow::onLoadFinished);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_loader->cancel();
        m_cancel->hide();
        m_status->setText(tr("Cancelled: analysing the files read so far…"));
    });
    connect(m_startPage, &StartPage::openFilesRequested, this, &MainWindow::chooseFiles);
    connect(m_startPage, &StartPage::openFolderRequested, this, &MainWindow::chooseFolder);
    connect(m_startPage, &StartPage::pasteRequested, this, &MainWindow::pasteTrace);
    connect(m_startPage, &StartPage::sampleRequested, this, [this] { openText(textbookTraceName(), textbookTrace()); });
    connect(m_startPage, &StartPage::bundleRequested, this, &MainWindow::openPaths);
    connect(m_sessionFilter, &QLineEdit::textChanged, m_sessions->sessionFilter(),
            &SessionFilterModel::setFilterFixedString);
    connect(m_swimLanes, &SwimLaneView::laneOptionsChanged, this, &MainWindow::saveSettings);
}

void MainWindow::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open trace files or bundles"));
    openPaths(paths);
}

void MainWindow::chooseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open a folder of traces"));
    if (!path.isEmpty())
        openPaths({path});
}

bool MainWindow::isShowingStartPage() const
{
    return m_stack->currentWidget() == m_startPage;
}

void MainWindow::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_clockOffsets.clear(); // offsets belong to the bundle they were set for
    m_texts.clear();
    m_reselect.reset();
    m_reloadWhenDone = false;
    m_loader->start(paths, savedReadingLimits());
}

void MainWindow::pasteTrace()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return;
    if (const QStringList paths = localPaths(mime); !paths.isEmpty())
        openPaths(paths); // files copied in a file manager
    else
        openText(QStringLiteral("pasted text"), mime->text().toUtf8());
}

void MainWindow::shiftNodeClocks(const QHash<QString, qint64> &offsets)
{
    if (m_bundlePaths.isEmpty() && m_texts.isEmpty())
        return;
    m_clockOffsets = offsets;
    m_reselect.reset();
    if (m_swimLanes->hasSession())
        m_reselect = std::pair{m_swimLanes->session(), m_swimLanes->selectedStep()};
    LoadOptions options = savedReadingLimits();
    options.nodeClockOffsets = offsets;
    options.texts = m_texts;
    m_loader->start(m_bundlePaths, options);
}

void MainWindow::askShiftNodeClocks()
{
    const TraceStore *store = m_log->model()->store();
    if (!store)
        return;
    QStringList nodes;
    for (int f = 0; f < store->fileCount(); ++f) {
        if (!nodes.contains(store->file(f).node))
            nodes.append(store->file(f).node);
    }
    nodes.sort();
    NodeClockDialog dialog(nodes, m_clockOffsets, this);
    if (dialog.exec() == QDialog::Accepted && dialog.offsets() != m_clockOffsets)
        shiftNodeClocks(dialog.offsets());
}

void MainWindow::addRecentBundle(const QStringList &paths)
{
    m_recent.removeAll(paths);
    m_recent.prepend(paths);
    while (m_recent.size() > maxRecentBundles)
        m_recent.removeLast();
    rebuildRecentMenu();
    saveSettings();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QStringList &paths : std::as_const(m_recent)) {
        QAction *action = m_recentMenu->addAction(bundleTitle(paths), this, [this, paths] { openPaths(paths); });
        action->setToolTip(paths.join(u'\n'));
    }
    m_recentMenu->setEnabled(!m_recent.isEmpty());
    m_startPage->setRecentBundles(m_recent);
}

void MainWindow::askGoToLine()
{
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line in the current record's file:"), 1, 1,
                                          std::numeric_limits<int>::max(), 1, &ok);
    if (ok && !m_log->goToLine(line))
        m_status->setText(tr("No record at line %1").arg(line));
}

void MainWindow::applyTheme(const QString &theme)
{
    m_theme = theme;
    for (QAction *action : m_themes->actions())
        action->setChecked(action->data().toString() == theme);
    QApplication::setPalette(paletteForTheme(theme));
    saveSettings();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    const auto type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QMainWindow::eventFilter(watched, event);
    auto *widget = qobject_cast<QWidget *>(watched);
    auto *drop = static_cast<QDropEvent *>(event);
    if (!widget || widget->window() != this)
        return QMainWindow::eventFilter(watched, event);
    const QStringList paths = localPaths(drop->mimeData());
    // Text dragged from a case note or a web page is taken when its start holds trace lines (drag
    // events come often), except by a text box, which takes it as text.
    constexpr qsizetype sniffed = 64 * 1024;
    const bool text = paths.isEmpty() && !qobject_cast<QLineEdit *>(widget) && drop->mimeData()->hasText() &&
                      looksLikeTrace(unquotedTrace(drop->mimeData()->text().left(sniffed).toUtf8()));
    if (paths.isEmpty() && !text)
        return QMainWindow::eventFilter(watched, event);
    drop->acceptProposedAction();
    if (type == QEvent::Drop && text)
        openText(QStringLiteral("dropped text"), drop->mimeData()->text().toUtf8());
    else if (type == QEvent::Drop)
        openPaths(paths);
    return true;
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_recent.clear();
    for (const QVariant &bundle : settings.value(QStringLiteral("recent/bundles")).toList())
        m_recent.append(bundle.toStringList());
    rebuildRecentMenu();
    m_swimLanes->setLaneOrder(settings.value(QStringLiteral("diagram/laneOrder")).toStringList());
    LaneNames names;
    const QVariantMap saved = settings.value(QStringLiteral("diagram/laneNames")).toMap();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        names.insert(it.key(), it.value().toString());
    m_swimLanes->setLaneNames(names);
    const QStringList hidden = settings.value(QStringLiteral("diagram/hiddenLanes")).toStringList();
    m_swimLanes->setHiddenLanes(QSet<QString>(hidden.cbegin(), hidden.cend()));
    m_swimLanes->setZoom(settings.value(QStringLiteral("diagram/zoom"), 1.0).toDouble());
    applyTheme(settings.value(QStringLiteral("view/theme"), themeSystem()).toString());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    QVariantList bundles;
    for (const QStringList &paths : m_recent)
        bundles.append(paths);
    settings.setValue(QStringLiteral("recent/bundles"), bundles);
    settings.setValue(QStringLiteral("diagram/laneOrder"), m_swimLanes->paintOptions().laneOrder);
    QVariantMap names;
    for (auto it = m_swimLanes->paintOptions().laneNames.cbegin(); it != m_swimLanes->paintOptions().laneNames.cend();
         ++it)
        names.insert(it.key(), it.value());
    settings.setValue(QStringLiteral("diagram/laneNames"), names);
    const QSet<QString> &hidden = m_swimLanes->paintOptions().hiddenLanes;
    settings.setValue(QStringLiteral("diagram/hiddenLanes"), QStringList(hidden.cbegin(), hidden.cend()));
    settings.setValue(QStringLiteral("diagram/zoom"), m_swimLanes->zoom());
    settings.setValue(QStringLiteral("view/theme"), m_theme);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_loader->cancel();
    m_log->cancelFind();
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace CtiFlow
