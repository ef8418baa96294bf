// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowexport.h"

#include "flowpainter.h"
#include "flowtext.h"
#include "htmlexport.h"
#include "redactor.h"
#include "session.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QMimeData>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace CtiFlow {

namespace {

struct FormatName
{
    const char *name;
    ExportFormat format;
};

constexpr FormatName formatNames[] = {
    {"png", ExportFormat::Png},           {"svg", ExportFormat::Svg},         {"pdf", ExportFormat::Pdf},
    {"mmd", ExportFormat::Mermaid},       {"mermaid", ExportFormat::Mermaid}, {"puml", ExportFormat::PlantUml},
    {"plantuml", ExportFormat::PlantUml}, {"md", ExportFormat::Markdown},     {"markdown", ExportFormat::Markdown},
    {"html", ExportFormat::Html},         {"htm", ExportFormat::Html},        {"txt", ExportFormat::Trace},
};

// Fonts sized in points grow with the device resolution (1200 dpi for PDF, 90 for SVG) while the layout
// is in pixels; a pixel-sized font keeps text and layout in proportion on every device.
QFont pixelFont(QFont font)
{
    if (font.pointSizeF() > 0)
        font.setPixelSize(std::max(1, int(std::lround(font.pointSizeF() * 96.0 / 72.0))));
    return font;
}

QByteArray renderPng(const Session &session, const TraceStore *store, const ExportRequest &request)
{
    const LaneLayout lay = layout(session, request.paint);
    const qreal scale = std::clamp(request.scale, 0.25, 8.0);
    QImage image(QSize(int(std::ceil(lay.size.width() * scale)), int(std::ceil(lay.size.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(1.0);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(scale, scale);
        paintFlow(painter, lay, session, store, request.paint);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray renderPdf(const Session &session, const TraceStore *store, const ExportRequest &request)
{
    const LaneLayout lay = layout(session, request.paint);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(QStringLiteral("CTI login %1: %2").arg(session.number).arg(outcomeId(session.outcome)));
    writer.setCreator(QStringLiteral("CTI Flow"));
    // A wide, short flow reads better across the page; long ones run down portrait pages.
    const auto orientation = lay.size.width() > lay.size.height() ? QPageLayout::Landscape : QPageLayout::Portrait;
    writer.setPageLayout(QPageLayout(QPageSize(request.pdfPageMm, QPageSize::Millimeter), orientation,
                                     QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal scale = page.width() / lay.size.width();
    const qreal pageHeight = page.height() / scale; // in layout units
    const qreal headerBottom = lay.lanes.isEmpty() ? 0 : lay.lanes.first().header.bottom() + request.paint.margin;

    // Pages break between rows; each page repeats the lane headers above its rows.
    QList<std::pair<qreal, qreal>> pages; // [top, bottom) of the rows on each page
    qreal top = headerBottom;
    qreal bottom = headerBottom;
    for (const StepGeometry &g : lay.steps) {
        if (g.band.bottom() - top > pageHeight - headerBottom && bottom > top) {
            pages.append({top, bottom});
            top = bottom;
        }
        bottom = std::max(bottom, g.band.bottom());
    }
    pages.append({top, std::max(bottom, lay.banner.bottom())});

    QPainter painter(&writer);
    painter.setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            writer.newPage();
        const auto [rowsTop, rowsBottom] = pages[i];
        painter.save();
        painter.scale(scale, scale);
        FlowPaintState state;
        state.exposed = QRectF(0, 0, lay.size.width(), headerBottom);
        painter.setClipRect(state.exposed);
        paintFlow(painter, lay, session, store, request.paint, state);
        painter.setClipRect(QRectF(0, headerBottom, lay.size.width(), rowsBottom - rowsTop));
        painter.translate(0, headerBottom - rowsTop);
        state.exposed = QRectF(0, rowsTop, lay.size.width(), rowsBottom - rowsTop);
        state.fillBackground = false;
        paintFlow(painter, lay, session, store, request.paint, state);
        painter.restore();
    }
    painter.end();
    return bytes;
}

} // namespace

QByteArray renderSvg(const Session &session, const TraceStore *store, const ExportRequest &request)
{
    const LaneLayout lay = layout(session, request.paint);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(lay.size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), lay.size));
    generator.setTitle(QStringLiteral("CTI login %1: %2").arg(session.number).arg(outcomeId(session.outcome)));
    generator.setDescription(QStringLiteral("Swim-lane flow drawn by CTI Flow"));
    QPainter painter(&generator);
    painter.setRenderHint(QPainter::Antialiasing);
    paintFlow(painter, lay, session, store, request.paint);
    painter.end();
    return bytes;
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString lower = name.toLower();
    for (const FormatName &entry : formatNames) {
        if (lower == QLatin1String(entry.name))
            return entry.format;
    }
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatFromPath(const QString &path)
{
    return exportFormatFromName(QFileInfo(path).suffix());
}

QString exportFormatExtension(ExportFormat format)
{
    for (const FormatName &entry : formatNames) {
        if (entry.format == format)
            return QLatin1String(entry.name);
    }
    return {};
}

QStringList exportNameFilters()
{
    return {QObject::tr("PNG image (*.png)"),         QObject::tr("SVG drawing (*.svg)"),
            QObject::tr("PDF document (*.pdf)"),      QObject::tr("Mermaid diagram (*.mmd)"),
            QObject::tr("PlantUML diagram (*.puml)"), QObject::tr("Markdown report (*.md)"),
            QObject::tr("HTML page (*.html)"),        QObject::tr("Trace excerpt: the session's records (*.txt)")};
}

QByteArray renderExport(const Session &original, const TraceStore *store, const ExportRequest &userRequest)
{
    ExportRequest request = userRequest;
    request.paint.font = pixelFont(request.paint.font);
    Redactor redactor(request.redact);
    switch (request.format) {
    case ExportFormat::Mermaid:
        return mermaidDiagram(original, redactor, request.paint.laneNames).toUtf8();
    case ExportFormat::PlantUml:
        return plantUmlDiagram(original, redactor, request.paint.laneNames).toUtf8();
    case ExportFormat::Markdown:
        return markdownReport(original, store, redactor, request.paint.laneNames).toUtf8();
    case ExportFormat::Html:
        return htmlReport(original, store, request, redactor).toUtf8();
    case ExportFormat::Trace:
        return store ? traceExcerpt(original, *store, redactor) : QByteArray();
    default:
        break;
    }
    // Pictures show labels and cause texts, and each arrow's signal name and line number.
    const Session session = request.redact ? redactedSession(original, redactor) : original;
    switch (request.format) {
    case ExportFormat::Png:
        return renderPng(session, store, request);
    case ExportFormat::Svg:
        return renderSvg(session, store, request);
    case ExportFormat::Pdf:
        return renderPdf(session, store, request);
    default:
        break;
    }
    return {};
}

bool writeExport(const Session &session, const TraceStore *store, const ExportRequest &request, const QString &path,
                 bool overwrite, QString *error)
{
    if (!overwrite && QFileInfo::exists(path)) {
        *error = QObject::tr("%1 exists; choose another name or allow replacing it").arg(path);
        return false;
    }
    const QByteArray bytes = renderExport(session, store, request);
    if (bytes.isEmpty()) {
        *error = QObject::tr("%1: nothing could be drawn for this session").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QObject::tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QMimeData *flowMimeData(const Session &session, const TraceStore *store, const ExportRequest &request)
{
    ExportRequest png = request;
    png.format = ExportFormat::Png;
    ExportRequest markdown = request;
    markdown.format = ExportFormat::Markdown;
    auto *mime = new QMimeData;
    mime->setImageData(QImage::fromData(renderExport(session, store, png), "PNG"));
    mime->setText(QString::fromUtf8(renderExport(session, store, markdown)));
    return mime;
}

} // namespace CtiFlow
