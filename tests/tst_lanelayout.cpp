// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowpainter.h"
#include "lanelayout.h"
#include "lanes.h"
#include "uisessions.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace CtiFlow;
using namespace CtiFlow::TestSessions;

class TestLaneLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lanes_data();
    void lanes();
    void arrowsEndOnLaneLines();
    void selfStepsStayOnTheirLane();
    void hiddenLaneFoldsItsArrows();
    void rowsRunDownInFlowOrder();
    void zoomScalesEveryCoordinate_data();
    void zoomScalesEveryCoordinate();
    void bannerSitsBesideTheFailedStep();
    void bannerGoesUnderTheFailedStepWhenNarrow();
    void noBannerWithoutFailure();
    void hitTesting_data();
    void hitTesting();
    void walkingRowsIsClamped_data();
    void walkingRowsIsClamped();
    void longLabelsStayBetweenTheirLanes();
    void paintsTheFailedArrowRed();
    void paintsEachStatusInItsStyle_data();
    void paintsEachStatusInItsStyle();
};

static int stepIndex(const Session &session, const QString &id)
{
    for (int i = 0; i < session.steps.size(); ++i) {
        if (session.steps[i].id == id)
            return i;
    }
    return -1;
}

void TestLaneLayout::lanes_data()
{
    QTest::addColumn<Session>("session");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QStringList>("expected");

    const Session plain = loginSession();
    Session withLineMgr = plain;
    withLineMgr.steps.last().to = QStringLiteral("DeviceLineMgr");
    Session withUnknown = plain;
    withUnknown.steps.first().from = QStringLiteral("Mystery");
    const QStringList standard = standardLanes();

    QTest::newRow("standard lanes in contract order") << plain << QStringList() << QStringList() << standard;
    QTest::newRow("DeviceLineMgr lane added when a step uses it")
        << withLineMgr << QStringList() << QStringList() << (standard + QStringList{QStringLiteral("DeviceLineMgr")});
    QTest::newRow("an unknown lane goes after the known ones")
        << withUnknown << QStringList() << QStringList() << (standard + QStringList{QStringLiteral("Mystery")});
    QTest::newRow("the user's order comes first, the rest keeps its order")
        << plain << QStringList{QStringLiteral("LDAP"), QStringLiteral("Jabber")} << QStringList()
        << QStringList{QStringLiteral("LDAP"), QStringLiteral("Jabber"), QStringLiteral("CTIHandler"),
                       QStringLiteral("Directory"), QStringLiteral("DbAccess")};
    QTest::newRow("a lane in the saved order but unused is not shown")
        << plain << QStringList{QStringLiteral("CallManager"), QStringLiteral("Jabber")} << QStringList() << standard;
    QTest::newRow("hidden lanes are left out")
        << plain << QStringList() << QStringList{QStringLiteral("LDAP"), QStringLiteral("DbAccess")}
        << QStringList{QStringLiteral("Jabber"), QStringLiteral("CTIHandler"), QStringLiteral("Directory")};
}

void TestLaneLayout::lanes()
{
    QFETCH(Session, session);
    QFETCH(QStringList, order);
    QFETCH(QStringList, hidden);
    QFETCH(QStringList, expected);

    FlowPaintOptions options;
    options.laneOrder = order;
    options.hiddenLanes = QSet<QString>(hidden.begin(), hidden.end());
    const LaneLayout result = layout(session, options);
    QStringList ids;
    for (const LaneGeometry &lane : result.lanes)
        ids.append(lane.id);
    QCOMPARE(ids, expected);
    for (int i = 1; i < result.lanes.size(); ++i) {
        QVERIFY(result.lanes[i].x > result.lanes[i - 1].x);
        QVERIFY(result.lanes[i].header.left() >= result.lanes[i - 1].header.right());
    }
}

void TestLaneLayout::arrowsEndOnLaneLines()
{
    const Session session = loginSession();
    const LaneLayout result = layout(session, {});
    const StepGeometry *g = result.geometryOfStep(stepIndex(session, QStringLiteral("login-check-response")));
    QVERIFY(g);
    QVERIFY(!g->self);
    QCOMPARE(g->from.x(), result.lanes[result.laneIndex(QStringLiteral("Directory"))].x);
    QCOMPARE(g->to.x(), result.lanes[result.laneIndex(QStringLiteral("CTIHandler"))].x);
    QCOMPARE(g->from.y(), g->to.y());
    QVERIFY(g->band.contains(g->from));
}

void TestLaneLayout::selfStepsStayOnTheirLane()
{
    const Session session = loginSession();
    const LaneLayout result = layout(session, {});
    const StepGeometry *g = result.geometryOfStep(stepIndex(session, QStringLiteral("credential-policy")));
    QVERIFY(g);
    QVERIFY(g->self);
    QVERIFY(!g->collapsed);
    const qreal directoryX = result.lanes[result.laneIndex(QStringLiteral("Directory"))].x;
    QCOMPARE(g->from.x(), directoryX);
    QCOMPARE(g->to.x(), directoryX);
    QVERIFY(g->to.y() > g->from.y());
    QVERIFY(g->label.left() > directoryX);
}

void TestLaneLayout::hiddenLaneFoldsItsArrows()
{
    const Session session = loginSession();
    FlowPaintOptions options;
    options.hiddenLanes = {QStringLiteral("LDAP")};
    const LaneLayout result = layout(session, options);
    QCOMPARE(result.steps.size(), session.steps.size());
    const StepGeometry *g = result.geometryOfStep(stepIndex(session, QStringLiteral("ldap-user-bind")));
    QVERIFY(g);
    QVERIFY(g->self);
    QVERIFY(g->collapsed);
    QCOMPARE(result.lanes[g->fromLane].id, QStringLiteral("Directory"));
}

void TestLaneLayout::rowsRunDownInFlowOrder()
{
    const Session session = loginSession();
    const LaneLayout result = layout(session, {});
    QCOMPARE(result.steps.size(), session.steps.size());
    for (int row = 0; row < result.steps.size(); ++row) {
        QCOMPARE(result.steps[row].row, row);
        QCOMPARE(result.rowOfStep(result.steps[row].step), row);
        if (row > 0)
            QVERIFY(result.steps[row].band.top() >= result.steps[row - 1].band.bottom());
        QVERIFY(result.steps[row].timeCell.right() <= result.lanes.first().header.left());
        QVERIFY(result.steps[row].deltaCell.left() >= result.steps[row].timeCell.right());
    }
    QVERIFY(result.steps.first().band.top() >= result.lanes.first().header.bottom());
    QVERIFY(result.size.height() >= result.steps.last().band.bottom());
}

void TestLaneLayout::zoomScalesEveryCoordinate_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::newRow("zoomed out to half") << 0.5;
    QTest::newRow("zoomed in twice") << 2.0;
    QTest::newRow("zoomed in three times") << 3.0;
}

void TestLaneLayout::zoomScalesEveryCoordinate()
{
    QFETCH(qreal, zoom);
    const Session session = loginSession();
    FlowPaintOptions options;
    options.showBanner = false;
    const LaneLayout base = layout(session, options);
    options.zoom = zoom;
    const LaneLayout zoomed = layout(session, options);
    QCOMPARE(zoomed.zoom, zoom);
    QCOMPARE(zoomed.size, base.size * zoom);
    for (int i = 0; i < base.lanes.size(); ++i)
        QCOMPARE(zoomed.lanes[i].x, base.lanes[i].x * zoom);
    for (int row = 0; row < base.steps.size(); ++row) {
        QCOMPARE(zoomed.steps[row].from, base.steps[row].from * zoom);
        QCOMPARE(zoomed.steps[row].to, base.steps[row].to * zoom);
        QCOMPARE(zoomed.steps[row].band.top(), base.steps[row].band.top() * zoom);
    }
}

void TestLaneLayout::bannerSitsBesideTheFailedStep()
{
    const Session session = loginSession(QStringLiteral("ldap-user-bind"));
    const LaneLayout result = layout(session, {});
    const int failed = stepIndex(session, QStringLiteral("ldap-user-bind"));
    QCOMPARE(result.bannerStep, failed);
    QVERIFY(!result.banner.isEmpty());
    const StepGeometry *g = result.geometryOfStep(failed);
    QCOMPARE(result.banner.top(), g->band.top());
    QVERIFY(result.banner.left() > result.lanes.last().header.right());
    QVERIFY(result.size.width() >= result.banner.right());
    QVERIFY(result.size.height() >= result.banner.bottom());
    QCOMPARE(result.bannerText.size(), 4); // title, explanation, action, code
    QCOMPARE(result.bannerText.first().text, QStringLiteral("Wrong password"));
    QVERIFY(result.bannerText.first().bold);
    QVERIFY(result.bannerText.last().text.contains(QStringLiteral("0x8CCC0060")));
    for (const TextBlock &block : result.bannerText)
        QVERIFY(result.banner.contains(block.rect));
}

void TestLaneLayout::bannerGoesUnderTheFailedStepWhenNarrow()
{
    const Session session = loginSession(QStringLiteral("ldap-user-bind"));
    FlowPaintOptions options;
    const LaneLayout wide = layout(session, options);
    QVERIFY(!wide.bannerBelow);
    options.availableWidth = wide.size.width() - 1;
    const LaneLayout narrow = layout(session, options);
    QVERIFY(narrow.bannerBelow);
    const int failed = stepIndex(session, QStringLiteral("ldap-user-bind"));
    const StepGeometry *g = narrow.geometryOfStep(failed);
    QVERIFY(narrow.banner.top() >= g->band.bottom());
    QVERIFY(narrow.banner.right() <= narrow.lanes.last().header.right());
    QVERIFY(narrow.size.width() <= options.availableWidth);
    QVERIFY(narrow.steps[failed + 1].band.top() >= narrow.banner.bottom());
    QVERIFY(narrow.size.height() >= narrow.steps.last().band.bottom());
    QCOMPARE(narrow.steps[failed - 1].band, wide.steps[failed - 1].band);
    QCOMPARE(narrow.stepAt(narrow.banner.center()), failed);
    QCOMPARE(narrow.stepAt(narrow.steps[failed + 1].band.center()), failed + 1);
}

void TestLaneLayout::noBannerWithoutFailure()
{
    const LaneLayout result = layout(loginSession(), {});
    QCOMPARE(result.bannerStep, -1);
    QVERIFY(result.banner.isEmpty());
    QVERIFY(result.bannerText.isEmpty());
}

void TestLaneLayout::hitTesting_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<int>("expected");
    QTest::newRow("the middle of a row selects its step") << QStringLiteral("row 4") << 4;
    QTest::newRow("the time cell selects its step") << QStringLiteral("time 7") << 7;
    QTest::newRow("a lane header selects nothing") << QStringLiteral("header") << -1;
    QTest::newRow("the banner selects the failed step") << QStringLiteral("banner") << 11;
    QTest::newRow("below the last row selects nothing") << QStringLiteral("below") << -1;
}

void TestLaneLayout::hitTesting()
{
    QFETCH(QString, where);
    QFETCH(int, expected);
    const Session session = loginSession(QStringLiteral("ldap-user-bind"));
    const LaneLayout result = layout(session, {});
    QPointF point;
    if (where.startsWith(QLatin1String("row ")))
        point = result.steps[where.mid(4).toInt()].band.center();
    else if (where.startsWith(QLatin1String("time ")))
        point = result.steps[where.mid(5).toInt()].timeCell.center();
    else if (where == QLatin1String("header"))
        point = result.lanes[1].header.center();
    else if (where == QLatin1String("banner"))
        point = result.banner.center() + QPointF(0, result.banner.height() / 3);
    else
        point = QPointF(result.lanes[0].x, result.size.height() + 10);
    QCOMPARE(result.stepAt(point), expected);
}

void TestLaneLayout::walkingRowsIsClamped_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("delta");
    QTest::addColumn<int>("expected");
    QTest::newRow("down one row") << 3 << 1 << 4;
    QTest::newRow("up one row") << 3 << -1 << 2;
    QTest::newRow("up from the first row stays") << 0 << -1 << 0;
    QTest::newRow("down from the last row stays") << 20 << 1 << 20;
    QTest::newRow("nothing selected starts at the first row") << -1 << 1 << 0;
}

void TestLaneLayout::walkingRowsIsClamped()
{
    QFETCH(int, from);
    QFETCH(int, delta);
    QFETCH(int, expected);
    QCOMPARE(layout(loginSession(), {}).stepAfter(from, delta), expected);
}

void TestLaneLayout::longLabelsStayBetweenTheirLanes()
{
    Session session = loginSession();
    session.steps[0].label = QString(200, u'W');
    const LaneLayout result = layout(session, {});
    const StepGeometry &g = result.steps[0];
    QVERIFY(g.label.left() > g.from.x());
    QVERIFY(g.label.right() < g.to.x());
}

void TestLaneLayout::paintsTheFailedArrowRed()
{
    const Session session = loginSession(QStringLiteral("login-check-request"));
    FlowPaintOptions options;
    const LaneLayout result = layout(session, options);
    QImage image(result.size.toSize(), QImage::Format_RGB32);
    QPainter painter(&image);
    paintFlow(painter, result, session, nullptr, options);
    painter.end();

    const StepGeometry *g = result.geometryOfStep(stepIndex(session, QStringLiteral("login-check-request")));
    // Antialiasing blends the edges of thin lines, so compare hues rather than exact colours.
    const QColor failed = image.pixelColor(((g->from + g->to) / 2).toPoint());
    QVERIFY2(failed.red() > failed.green() + 80 && failed.red() > failed.blue() + 80, qPrintable(failed.name()));
    const StepGeometry &passed = result.steps[0];
    const QColor arrow = image.pixelColor(((passed.from + passed.to) / 2).toPoint());
    QVERIFY2(arrow.blue() > arrow.red() && arrow.lightness() < 200, qPrintable(arrow.name()));
    QCOMPARE(image.pixelColor(result.banner.center().toPoint() + QPoint(int(result.banner.width() / 2) - 3, 0)),
             FlowColors::light().failedFill);
}

void TestLaneLayout::paintsEachStatusInItsStyle_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("dashed");
    QTest::addColumn<QString>("hue");
    QTest::newRow("passed step: solid, dark blue") << QStringLiteral("passed") << false << QStringLiteral("blue");
    QTest::newRow("failed step: solid red") << QStringLiteral("failed") << false << QStringLiteral("red");
    QTest::newRow("slow step: solid amber") << QStringLiteral("slow") << false << QStringLiteral("amber");
    QTest::newRow("missing step: dashed grey") << QStringLiteral("missing") << true << QStringLiteral("grey");
    QTest::newRow("not-reached step: solid, faded")
        << QStringLiteral("not-reached") << false << QStringLiteral("faded");
}

void TestLaneLayout::paintsEachStatusInItsStyle()
{
    QFETCH(QString, status);
    QFETCH(bool, dashed);
    QFETCH(QString, hue);
    Session session = loginSession();
    StepResult &step = session.steps[stepIndex(session, QStringLiteral("user-settings-request"))];
    step.status = status == QLatin1String("failed")        ? StepStatus::Failed
                  : status == QLatin1String("missing")     ? StepStatus::Missing
                  : status == QLatin1String("not-reached") ? StepStatus::NotReached
                                                           : StepStatus::Passed;
    step.slow = status == QLatin1String("slow");
    const LaneLayout result = layout(session, {});
    QImage image(result.size.toSize(), QImage::Format_RGB32);
    QPainter painter(&image);
    paintFlow(painter, result, session, nullptr, {});
    painter.end();

    // Walk along the arrow (CTIHandler -> DbAccess crosses two lane lines; skip those pixels).
    const StepGeometry *g = result.geometryOfStep(stepIndex(session, QStringLiteral("user-settings-request")));
    const int y = int(g->from.y());
    int gaps = 0;
    QColor darkest = Qt::white;
    for (int x = int(g->from.x()) + 4; x < int(g->to.x()) - 14; ++x) {
        if (std::abs(x - result.lanes[2].x) < 3 || std::abs(x - result.lanes[3].x) < 3)
            continue;
        const QColor pixel = image.pixelColor(x, y);
        if (pixel.lightness() > 245)
            ++gaps;
        else if (pixel.lightness() < darkest.lightness())
            darkest = pixel;
    }
    QCOMPARE(gaps > 0, dashed);
    const QString name = darkest.name();
    if (hue == QLatin1String("blue"))
        QVERIFY2(darkest.blue() > darkest.red() + 40 && darkest.lightness() < 170, qPrintable(name));
    else if (hue == QLatin1String("red"))
        QVERIFY2(darkest.red() > darkest.green() + 100 && darkest.red() > darkest.blue() + 100, qPrintable(name));
    else if (hue == QLatin1String("amber"))
        QVERIFY2(darkest.red() > 180 && darkest.green() > 90 && darkest.blue() < 60, qPrintable(name));
    else if (hue == QLatin1String("grey"))
        QVERIFY2(std::abs(darkest.red() - darkest.blue()) < 20 && darkest.lightness() < 180, qPrintable(name));
    else
        QVERIFY2(darkest.lightness() > 150 && darkest.lightness() < 245, qPrintable(name));
}

QTEST_MAIN(TestLaneLayout)
#include "tst_lanelayout.moc"
