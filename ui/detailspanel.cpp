// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspanel.h"

#include "flowpainter.h"
#include "logmodel.h"
#include "sessionfiltermodel.h"
#include "tracestore.h"

#include <QUrl>

namespace CtiFlow {

namespace {

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>").arg(name, value);
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setPlaceholderText(tr("Select a step to see its details"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("record"))
            Q_EMIT recordActivated(RecordIndex{url.path().toLongLong()});
    });
}

void DetailsPanel::clearDetails()
{
    clear();
}

QString DetailsPanel::causeHtml(const Cause &cause)
{
    QString html = QStringLiteral("<h3 style='color:#c62828'>%1</h3><p>%2</p>")
                       .arg(cause.title.toHtmlEscaped(), cause.explanation.toHtmlEscaped());
    if (!cause.action.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("What to do:"), cause.action.toHtmlEscaped());
    if (cause.code)
        html += QStringLiteral("<p>%1 0x%2 (%3)</p>")
                    .arg(tr("CTI error code"), QString::number(*cause.code, 16).toUpper().rightJustified(8, u'0'))
                    .arg(qint32(*cause.code));
    return html;
}

void DetailsPanel::showClientError(const QString &location, const Cause &cause)
{
    QString html =
        QStringLiteral("<h3>%1</h3><p>%2</p>")
            .arg(tr("What the client was told"),
                 tr("%1 reports a CTI error: what CUCM answered the client's login.").arg(location.toHtmlEscaped()));
    html += causeHtml(cause);
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Why CUCM refused the login is in the CTI Manager's SDL traces of the same minutes: open "
                        "them beside the client log to see the failing step."));
    setHtml(html);
}

QString DetailsPanel::evidenceHtml(const StepResult &step, const TraceStore *store) const
{
    if (step.evidence.isEmpty() || !store)
        return QStringLiteral("<p><i>%1</i></p>").arg(tr("No evidence record in the trace."));
    QString html = QStringLiteral("<p><b>%1</b></p><ul style='margin-left:-20px'>").arg(tr("Evidence"));
    for (RecordIndex record : step.evidence) {
        if (record.value >= store->recordCount())
            continue;
        const QString location = store->fileOf(record).path.section(u'/', -1) + QLatin1Char(':') +
                                 QString::number(store->line(record).value);
        html += QStringLiteral("<li><a href='record:%1'>%2</a><br/><code>%3</code></li>")
                    .arg(record.value)
                    .arg(location.toHtmlEscaped(), LogModel::firstLine(*store, record).left(300).toHtmlEscaped());
    }
    return html + QStringLiteral("</ul>");
}

void DetailsPanel::showStep(const Session &session, int step, const TraceStore *store)
{
    if (step < 0 || step >= session.steps.size()) {
        showSession(session);
        return;
    }
    const StepResult &result = session.steps[step];
    QString html =
        QStringLiteral("<h3>%1%2</h3><table>")
            .arg(result.seed.isEmpty() ? QString() : result.seed + QLatin1String(". "), result.label.toHtmlEscaped());
    html += row(tr("Status"), stepStatusText(result));
    html += row(tr("Arrow"), result.from + QStringLiteral(" → ") + result.to);
    html += row(tr("Time"), stepTimeText(result));
    html += row(tr("Delta"), deltaText(result.deltaMs));
    if (!result.slowReason.isEmpty())
        html += row(tr("Slow"), result.slowReason.toHtmlEscaped());
    html += row(tr("Step id"), result.id);
    html += QStringLiteral("</table>");
    if (!result.note.isEmpty())
        html +=
            QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("Your note:"), result.note.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
    if (result.status == StepStatus::Failed && session.cause)
        html += causeHtml(*session.cause);
    else if (result.status == StepStatus::Missing)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("A later step was reached without this step's lines: the trace "
                            "often leaves lines out, so this alone is no failure."));
    html += evidenceHtml(result, store);
    setHtml(html);
}

void DetailsPanel::showSession(const Session &session)
{
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(tr("Session %1").arg(session.number));
    html += row(tr("User"), session.login.toHtmlEscaped());
    html += row(tr("Devices"), session.devices.join(QLatin1String(", ")).toHtmlEscaped());
    html += row(tr("Node"), session.node.toHtmlEscaped());
    html += row(tr("Outcome"), outcomeText(session.outcome));
    html += row(tr("Connection"), session.connection.toHtmlEscaped());
    html += QStringLiteral("</table>");
    if (session.cause)
        html += causeHtml(*session.cause);
    setHtml(html);
}

} // namespace CtiFlow
