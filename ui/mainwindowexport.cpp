// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's exports: one session's flow, the list of sessions, the diagram on the clipboard.
#include "flowexport.h"
#include "mainwindow.h"

#include "bundlereport.h"
#include "flowtext.h"
#include "redactor.h"
#include "sessioncontroller.h"
#include "sessiontable.h"
#include "swimlaneview.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>

namespace CtiFlow {

void MainWindow::exportSession(bool redact)
{
    if (!m_swimLanes->hasSession()) {
        m_status->setText(tr("Select a session to export"));
        return;
    }
    const Session &session = m_swimLanes->session();
    // A redacted export's name must not give away the user either.
    const QString suggested = redact ? QStringLiteral("ctiflow-session-%1-redacted.png").arg(session.number)
                                     : QStringLiteral("ctiflow-%1-%2.png").arg(session.number).arg(session.login);
    const QStringList filters = exportNameFilters();
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, redact ? tr("Export Session Redacted") : tr("Export Session"),
                                                suggested, filters.join(QLatin1String(";;")), &filter);
    if (path.isEmpty())
        return;
    std::optional<ExportFormat> format = exportFormatFromPath(path);
    bool replaceConfirmed = true; // the file dialog asked before returning an existing name
    if (!format && filters.contains(filter)) {
        format = ExportFormat(filters.indexOf(filter));
        path += QLatin1Char('.') + exportFormatExtension(*format);
        replaceConfirmed =
            !QFileInfo::exists(path) ||
            QMessageBox::question(this, tr("Replace File"), tr("%1 exists. Replace it?").arg(path)) == QMessageBox::Yes;
    }
    if (!format || !replaceConfirmed) {
        if (!format)
            QMessageBox::warning(this, tr("Export Session"), tr("%1 has no export format's extension.").arg(path));
        return;
    }
    ExportRequest request;
    request.format = *format;
    request.redact = redact;
    request.paint = m_swimLanes->paintOptions();
    request.paint.zoom = 1.0;
    QString error;
    if (writeExport(session, m_swimLanes->store(), request, path, true, &error))
        m_status->setText(tr("Exported to %1").arg(path));
    else
        QMessageBox::warning(this, tr("Export Session"), tr("The export failed: %1").arg(error));
}

void MainWindow::copyDiagram()
{
    if (!m_swimLanes->hasSession())
        return;
    ExportRequest request;
    request.paint = m_swimLanes->paintOptions();
    request.paint.zoom = 1.0;
    QApplication::clipboard()->setMimeData(flowMimeData(m_swimLanes->session(), m_swimLanes->store(), request));
    m_status->setText(tr("Diagram and report copied"));
}

void MainWindow::copySummary()
{
    if (!m_swimLanes->hasSession()) {
        m_status->setText(tr("Select a session to copy its summary"));
        return;
    }
    Redactor plain(false);
    QApplication::clipboard()->setText(sessionSummary(m_swimLanes->session(), plain));
    m_status->setText(tr("Summary copied"));
}

void MainWindow::exportSessionList(bool redact)
{
    const QList<Session> sessions = m_sessions->shownSessions();
    if (sessions.isEmpty()) {
        m_status->setText(tr("No sessions to export"));
        return;
    }
    // The rows as a table for a spreadsheet, or a report of them for a ticket.
    const QString title = redact ? tr("Export Session List Redacted") : tr("Export Session List");
    const QString csvFilter = tr("Comma-separated values (*.csv)");
    const QString reportFilter = tr("Markdown report, failures by cause (*.md)");
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, title, redact ? QStringLiteral("ctiflow-sessions-redacted.csv") : QStringLiteral("ctiflow-sessions.csv"),
        csvFilter + QStringLiteral(";;") + reportFilter, &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        path += filter == reportFilter ? QStringLiteral(".md") : QStringLiteral(".csv");
        if (QFileInfo::exists(path) &&
            QMessageBox::question(this, tr("Replace File"), tr("%1 exists. Replace it?").arg(path)) != QMessageBox::Yes)
            return;
    }
    const bool report = QFileInfo(path).suffix().compare(QLatin1String("md"), Qt::CaseInsensitive) == 0 ||
                        QFileInfo(path).suffix().compare(QLatin1String("markdown"), Qt::CaseInsensitive) == 0;
    QString error;
    const bool written = report ? writeBundleReport(path, sessions, m_sessions->store(), redact, &error)
                                : writeSessionTable(path, sessions, m_sessions->store(), redact, &error);
    if (written)
        m_status->setText(tr("Exported %n session(s) to %1", nullptr, int(sessions.size())).arg(path));
    else
        QMessageBox::warning(this, title, tr("The export failed: %1").arg(error));
}

} // namespace CtiFlow
