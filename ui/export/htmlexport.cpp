// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlexport.h"

#include "flowexport.h"
#include "flowtext.h"
#include "redactor.h"
#include "session.h"
#include "sessionjson.h"
#include "tracestore.h"

namespace CtiFlow {

namespace {

QString stepAnchor(int step)
{
    return QStringLiteral("step-") + QString::number(step + 1);
}

// QSvgGenerator writes its own XML declaration; inside HTML the <svg> element starts the drawing.
QString inlineSvg(const QByteArray &svg)
{
    QString text = QString::fromUtf8(svg);
    const qsizetype start = text.indexOf(QLatin1String("<svg"));
    return start < 0 ? QString() : text.mid(start);
}

// Transparent link areas over each arrow's row, added on top of the drawing.
QString arrowLinks(const Session &session, const LaneLayout &lay)
{
    QString links;
    for (const StepGeometry &g : lay.steps) {
        const StepResult &step = session.steps[g.step];
        links +=
            QStringLiteral("<a href=\"#%1\"><rect x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\" fill=\"transparent\" "
                           "pointer-events=\"all\"><title>%6</title></rect></a>\n")
                .arg(stepAnchor(g.step))
                .arg(g.band.x())
                .arg(g.band.y())
                .arg(g.band.width())
                .arg(g.band.height())
                .arg(QString(step.label + QStringLiteral(": ") + stepStatusWord(step)).toHtmlEscaped());
    }
    return links;
}

QString evidenceSection(const Session &session, const TraceStore *store, Redactor &redactor)
{
    QString html = QStringLiteral("<h2>Steps and evidence</h2>\n");
    for (int i = 0; i < session.steps.size(); ++i) {
        const StepResult &step = session.steps[i];
        const QString cls = step.status == StepStatus::Failed ? QStringLiteral(" class=\"failed\"") : QString();
        html += QStringLiteral("<h3 id=\"%1\"%2>%3 %4 <small>%5 &rarr; %6 &middot; %7 %8</small></h3>\n")
                    .arg(stepAnchor(i), cls, step.seed.toHtmlEscaped(), redactor.redact(step.label).toHtmlEscaped(),
                         step.from, step.to, stepStatusWord(step), timeOfDayText(step.timeMs));
        if (!step.note.isEmpty())
            html += QStringLiteral("<p class=\"note\"><b>Note:</b> %1</p>\n")
                        .arg(redactor.redact(step.note).toHtmlEscaped());
        if (!store || step.evidence.isEmpty())
            continue;
        html += QStringLiteral("<pre>");
        for (const RecordIndex record : step.evidence) {
            html += QStringLiteral("<span class=\"loc\">") +
                    redactor.redact(recordLocation(*store, record)).toHtmlEscaped() + QStringLiteral("</span>\n");
            html += redactor.redact(QString::fromUtf8(store->recordText(record))).toHtmlEscaped() + QLatin1Char('\n');
        }
        html += QStringLiteral("</pre>\n");
    }
    return html;
}

} // namespace

QString htmlReport(const Session &original, const TraceStore *store, const ExportRequest &request, Redactor &redactor)
{
    const Session session = request.redact ? redactedSession(original, redactor) : original;
    const LaneLayout lay = layout(session, request.paint);
    QString svg = inlineSvg(renderSvg(session, store, request));
    const qsizetype end = svg.lastIndexOf(QLatin1String("</svg>"));
    if (end >= 0)
        svg.insert(end, arrowLinks(session, lay));

    const QString title =
        QStringLiteral("CTI login %1 of %2: %3")
            .arg(session.number)
            .arg(session.login.isEmpty() ? QStringLiteral("unknown user") : session.login, outcomeId(session.outcome))
            .toHtmlEscaped();
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>") +
                   title +
                   QStringLiteral("</title>\n<style>\nbody{font-family:sans-serif;margin:1.5em;color:#1b1b1b}\n"
                                  "pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:12px}\n"
                                  ".loc{color:#666}\nh3.failed{color:#c62828}\n.note{background:#fff6d5;border-left:"
                                  "4px solid #d98200;padding:.3em .6em}\n.cause{border-left:4px solid #c62828;"
                                  "padding:.2em 1em;background:#fdecea}\nsvg{max-width:100%;height:auto}\n</style>\n"
                                  "</head>\n<body>\n<h1>") +
                   title + QStringLiteral("</h1>\n");
    if (session.cause) {
        const Cause &cause = *session.cause;
        html += QStringLiteral("<div class=\"cause\"><h2>") + redactor.redact(cause.title).toHtmlEscaped() +
                QStringLiteral("</h2>\n<p>") + redactor.redact(cause.explanation).toHtmlEscaped() +
                QStringLiteral("</p>\n<p><b>What to change:</b> ") + redactor.redact(cause.action).toHtmlEscaped() +
                QStringLiteral("</p>\n");
        if (cause.code)
            html += QStringLiteral("<p><b>Error code:</b> ") + formatCtiCode(*cause.code) + QStringLiteral("</p>\n");
        html += QStringLiteral("</div>\n");
    }
    html += QStringLiteral("<figure>\n") + svg + QStringLiteral("</figure>\n");
    html += evidenceSection(session, store, redactor);
    return html + QStringLiteral("</body>\n</html>\n");
}

} // namespace CtiFlow
