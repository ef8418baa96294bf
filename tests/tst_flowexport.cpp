// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportfixture.h"
#include "flowexport.h"
#include "traceloader.h"

#include <QImage>
#include <QMimeData>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace CtiFlow;

namespace {

const QString fixture = QStringLiteral(CTIFLOW_TEST_DATA "/export/ldap-user-bind-failed.sdl.txt");

const QStringList secrets{QStringLiteral("wwhite"),  QStringLiteral("Walter White"), QStringLiteral("Breaking Bad"),
                          QStringLiteral("joshlab"), QStringLiteral("10.10.10.100"), QStringLiteral("SEP001794625DE5")};

// All character data of an SVG document; fails the test when it is not well-formed XML.
QString svgText(const QByteArray &svg, bool *wellFormed)
{
    QXmlStreamReader reader(svg);
    QString text;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isCharacters())
            text += reader.text() + QLatin1Char('\n');
    }
    *wellFormed = !reader.hasError();
    return text;
}

Session longSession(int steps)
{
    Session session = failedSession();
    session.steps.clear();
    for (int i = 0; i < steps; ++i) {
        session.steps.append(fixtureStep("line-open", "", "Line open", i % 2 ? "CTIHandler" : "Jabber",
                                         i % 2 ? "Jabber" : "CTIHandler", StepStatus::Passed, 1000 + i));
    }
    session.cause.reset();
    session.outcome = Outcome::Succeeded;
    return session;
}

int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral(R"(/Type\s*/Page(?!s))"));
    return int(QString::fromLatin1(pdf).count(page));
}

} // namespace

class TestFlowExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formatFromExtension_data();
    void formatFromExtension();
    void svgHoldsLanesAndLabels();
    void pngSizeFollowsScale_data();
    void pngSizeFollowsScale();
    void pdfPaginatesLongSessions_data();
    void pdfPaginatesLongSessions();
    void htmlLinksArrowsToEvidence();
    void redactedPicturesHoldNoOriginals_data();
    void redactedPicturesHoldNoOriginals();
    void existingFileNeedsOverwrite();
    void clipboardHoldsImageAndMarkdown();

private:
    std::shared_ptr<TraceStore> m_store;
};

void TestFlowExport::initTestCase()
{
    m_store = loadTraces({fixture});
    QCOMPARE(m_store->recordCount(), 8);
}

void TestFlowExport::formatFromExtension_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format");
    QTest::newRow("png") << "flow.png" << int(ExportFormat::Png);
    QTest::newRow("upper-case svg") << "FLOW.SVG" << int(ExportFormat::Svg);
    QTest::newRow("mermaid") << "ticket/flow.mmd" << int(ExportFormat::Mermaid);
    QTest::newRow("plantuml") << "flow.puml" << int(ExportFormat::PlantUml);
    QTest::newRow("markdown") << "flow.md" << int(ExportFormat::Markdown);
    QTest::newRow("html") << "flow.htm" << int(ExportFormat::Html);
    QTest::newRow("trace excerpt") << "login.txt" << int(ExportFormat::Trace);
    QTest::newRow("unknown") << "flow.docx" << -1;
}

void TestFlowExport::formatFromExtension()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto found = exportFormatFromPath(path);
    QCOMPARE(found ? int(*found) : -1, format);
}

void TestFlowExport::svgHoldsLanesAndLabels()
{
    ExportRequest request;
    request.format = ExportFormat::Svg;
    const Session session = failedSession();
    bool wellFormed = false;
    const QString text = svgText(renderExport(session, m_store.get(), request), &wellFormed);
    QVERIFY(wellFormed);
    for (const char *lane : {"Jabber", "CTIHandler", "Directory", "LDAP", "DbAccess"})
        QVERIFY2(text.contains(QLatin1String(lane)), lane);
    for (const StepResult &step : session.steps)
        QVERIFY2(text.contains(step.label), qPrintable(step.label));
    QVERIFY(text.contains(session.cause->title));
}

void TestFlowExport::pngSizeFollowsScale_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::newRow("screen") << 1.0;
    QTest::newRow("high-DPI") << 2.0;
}

void TestFlowExport::pngSizeFollowsScale()
{
    QFETCH(qreal, scale);
    ExportRequest request;
    request.format = ExportFormat::Png;
    request.scale = scale;
    const Session session = failedSession();
    const QImage image = QImage::fromData(renderExport(session, m_store.get(), request), "PNG");
    const QSizeF expected = layout(session, request.paint).size * scale;
    QCOMPARE(image.width(), int(std::ceil(expected.width())));
    QCOMPARE(image.height(), int(std::ceil(expected.height())));
    // Not blank: the red of the failed step is in the picture.
    int red = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 150 && c.green() < 90 && c.blue() < 90)
                ++red;
        }
    }
    QVERIFY2(red > 20, qPrintable(QString::number(red)));
}

void TestFlowExport::pdfPaginatesLongSessions_data()
{
    QTest::addColumn<int>("steps");
    QTest::newRow("short session fits one page") << 6;
    QTest::newRow("long session") << 120;
    QTest::newRow("very long session") << 400;
}

void TestFlowExport::pdfPaginatesLongSessions()
{
    QFETCH(int, steps);
    ExportRequest request;
    request.format = ExportFormat::Pdf;
    const Session session = longSession(steps);
    const LaneLayout lay = layout(session, request.paint);
    // A4 with 10 mm margins, the drawing scaled to the page width; rows never split across pages.
    const qreal pageHeight = lay.size.width() * (297.0 - 20.0) / (210.0 - 20.0);
    const qreal headerBottom = lay.lanes.first().header.bottom() + request.paint.margin;
    const int rowsPerPage = int((pageHeight - headerBottom) / lay.steps.first().band.height());
    const int expected = (steps + rowsPerPage - 1) / rowsPerPage;
    QCOMPARE(pdfPageCount(renderExport(session, m_store.get(), request)), expected);
}

void TestFlowExport::htmlLinksArrowsToEvidence()
{
    ExportRequest request;
    request.format = ExportFormat::Html;
    const QString html = QString::fromUtf8(renderExport(failedSession(), m_store.get(), request));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<svg")));
    QVERIFY(html.contains(QStringLiteral("<a href=\"#step-5\">")));
    QVERIFY(html.contains(QStringLiteral("id=\"step-5\" class=\"failed\"")));
    QVERIFY(html.contains(QStringLiteral("bind failed: INVALID_CREDENTIALS")));
}

void TestFlowExport::redactedPicturesHoldNoOriginals_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("svg") << int(ExportFormat::Svg);
    QTest::newRow("html with evidence lines") << int(ExportFormat::Html);
    QTest::newRow("pdf") << int(ExportFormat::Pdf);
}

void TestFlowExport::redactedPicturesHoldNoOriginals()
{
    QFETCH(int, format);
    ExportRequest request;
    request.format = ExportFormat(format);
    request.redact = true;
    Session session = failedSession();
    session.cause->explanation = QStringLiteral("LDAP refused wwhite (CN=Walter White,OU=Breaking Bad,DC=joshlab)");
    QByteArray bytes = renderExport(session, m_store.get(), request);
    QString text = QString::fromUtf8(bytes);
    if (request.format == ExportFormat::Pdf) {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is needed to read the PDF's text");
        QTemporaryDir dir;
        QFile pdf(dir.filePath(QStringLiteral("flow.pdf")));
        QVERIFY(pdf.open(QIODevice::WriteOnly) && pdf.write(bytes) == bytes.size());
        pdf.close();
        QProcess process;
        process.start(pdftotext, {pdf.fileName(), QStringLiteral("-")});
        QVERIFY(process.waitForFinished(30000));
        text = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("Credential")), qPrintable(text));
    }
    // PDF text comes back in pieces: compare without any white space.
    text.remove(QRegularExpression(QStringLiteral("\\s+")));
    for (QString secret : secrets)
        QVERIFY2(!text.contains(secret.remove(QLatin1Char(' ')), Qt::CaseInsensitive), qPrintable(secret));
}

void TestFlowExport::existingFileNeedsOverwrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flow.mmd"));
    ExportRequest request;
    request.format = ExportFormat::Mermaid;
    QString error;
    QVERIFY(writeExport(failedSession(), m_store.get(), request, path, false, &error));
    QVERIFY(!writeExport(failedSession(), m_store.get(), request, path, false, &error));
    QVERIFY(error.contains(QStringLiteral("exists")));
    QVERIFY(writeExport(failedSession(), m_store.get(), request, path, true, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("sequenceDiagram"));
}

void TestFlowExport::clipboardHoldsImageAndMarkdown()
{
    ExportRequest request;
    std::unique_ptr<QMimeData> mime(flowMimeData(failedSession(), m_store.get(), request));
    QVERIFY(mime->hasImage());
    QVERIFY(!qvariant_cast<QImage>(mime->imageData()).isNull());
    QVERIFY(mime->text().contains(QStringLiteral("## Cause: Wrong user id or password")));
}

QTEST_MAIN(TestFlowExport)
#include "tst_flowexport.moc"
