// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <memory>

class QTableView;
class QLabel;

namespace CtiFlow {

class RecordModel;
class SwimLaneView;
class TraceStore;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the paths (files, folders, archives) and shows them.
    void openPaths(const QStringList &paths);

    RecordModel *recordModel() const { return m_recordModel; }
    SwimLaneView *swimLaneView() const { return m_swimLanes; }
    QTableView *recordView() const { return m_recordView; }

Q_SIGNALS:
    void loadFinished();

private:
    void setupActions();
    void setupCentralWidget();
    void showStore(std::shared_ptr<const TraceStore> store);

    RecordModel *m_recordModel = nullptr;
    SwimLaneView *m_swimLanes = nullptr;
    QTableView *m_recordView = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace CtiFlow
