// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "lanes.h"
#include "recordmodel.h"
#include "swimlaneview.h"
#include "traceloader.h"

#include <QApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

namespace CtiFlow {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_recordModel(new RecordModel(this))
{
    setWindowTitle(tr("CTI Flow"));
    setupCentralWidget();
    setupActions();
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::setupActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Files…"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open trace files"));
        if (!paths.isEmpty())
            openPaths(paths);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
}

void MainWindow::setupCentralWidget()
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_swimLanes = new SwimLaneView(splitter);
    m_swimLanes->setLanes(standardLanes());
    m_recordView = new QTableView(splitter);
    m_recordView->setModel(m_recordModel);
    m_recordView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recordView->verticalHeader()->hide();
    m_recordView->horizontalHeader()->setStretchLastSection(true);
    m_recordView->setWordWrap(false);
    splitter->addWidget(m_swimLanes);
    splitter->addWidget(m_recordView);
    setCentralWidget(splitter);
    m_status = new QLabel(this);
    statusBar()->addWidget(m_status);
}

void MainWindow::openPaths(const QStringList &paths)
{
    showStore(loadTraces(paths));
}

void MainWindow::showStore(std::shared_ptr<const TraceStore> store)
{
    m_status->setText(tr("%n record(s)", nullptr, int(store->recordCount())));
    m_recordModel->setStore(std::move(store));
    Q_EMIT loadFinished();
}

} // namespace CtiFlow
