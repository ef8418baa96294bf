// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lanelayout.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QMimeData;

namespace CtiFlow {

struct Session;
class TraceStore;

enum class ExportFormat
{
    Png,
    Svg,
    Pdf,
    Mermaid,
    PlantUml,
    Markdown,
    Html,
    Trace, // the session's trace records (traceExcerpt())
};

// "png", "svg", "pdf", "mmd", "puml", "md", "html", "txt" (also "mermaid", "plantuml", "markdown", "htm").
std::optional<ExportFormat> exportFormatFromName(const QString &name);
// The format a file name's extension asks for.
std::optional<ExportFormat> exportFormatFromPath(const QString &path);
QString exportFormatExtension(ExportFormat format);
// Name filters for a file dialog, one per format, in ExportFormat order.
QStringList exportNameFilters();

struct ExportRequest
{
    ExportFormat format = ExportFormat::Png;
    bool redact = false;
    qreal scale = 1.0;          // PNG pixel scale for high-DPI screens and print
    FlowPaintOptions paint;     // lane order, hidden lanes: as the user sees the diagram
    QSizeF pdfPageMm{210, 297}; // A4
};

// The bytes of the export. Image formats are drawn by the same layout and painter as the screen.
QByteArray renderExport(const Session &session, const TraceStore *store, const ExportRequest &request);

// Writes the export atomically. An existing file is replaced only when overwrite is true.
bool writeExport(const Session &session, const TraceStore *store, const ExportRequest &request, const QString &path,
                 bool overwrite, QString *error);

// The diagram as an image plus the Markdown report as text, for the clipboard.
QMimeData *flowMimeData(const Session &session, const TraceStore *store, const ExportRequest &request);

} // namespace CtiFlow
