// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow/sessionmodel.h"
#include "logmodel.h"
#include "sdlhighlighter.h"
#include "sessionfiltermodel.h"
#include "traceloader.h"
#include "uisessions.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace CtiFlow;

namespace {

const QString samplePath = QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt");

QList<Session> threeSessions()
{
    Session passed = TestSessions::loginSession({}, QStringLiteral("jpinkman"));
    Session failed = TestSessions::loginSession(QStringLiteral("ldap-user-bind"), QStringLiteral("wwhite"));
    Session incomplete = TestSessions::loginSession({}, QStringLiteral("skyler"));
    incomplete.outcome = Outcome::Incomplete;
    failed.number = 2;
    incomplete.number = 3;
    incomplete.steps[1].note = QStringLiteral("Phone was unplugged");
    return {passed, failed, incomplete};
}

// The text a highlighted range covers, and whether it is bold.
struct Span
{
    QString text;
    bool bold;
};

QList<Span> spans(SdlHighlighter &highlighter, const QString &line)
{
    QList<Span> result;
    for (const QTextLayout::FormatRange &range : highlighter.formats(line))
        result.append({line.mid(range.start, range.length), range.format.fontWeight() == QFont::Bold});
    return result;
}

} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionFilterPassesTheModelTester();
    void failuresSortFirst();
    void sessionFilterMatchesUserAndCause_data();
    void sessionFilterMatchesUserAndCause();
    void logModelPassesTheModelTesterFilteredAndNot();
    void logModelMapsRecordsToRows();
    void syntaxDefinitionShipsInTheResources();
    void highlightsTheFieldsOfARecord_data();
    void highlightsTheFieldsOfARecord();
};

void TestUiModels::sessionFilterPassesTheModelTester()
{
    SessionModel model;
    SessionFilterModel filter;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    model.setSessions(threeSessions());
    QCOMPARE(model.rowCount(), 3);
    filter.sort(SessionModel::OutcomeColumn);
    filter.setFilterFixedString(QStringLiteral("white"));
    QCOMPARE(filter.rowCount(), 1);
    model.setSessions({});
    QCOMPARE(filter.rowCount(), 0);
}

void TestUiModels::failuresSortFirst()
{
    SessionModel model;
    model.setSessions(threeSessions());
    SessionFilterModel filter;
    filter.setSourceModel(&model);
    filter.sort(SessionModel::OutcomeColumn, Qt::AscendingOrder);
    QStringList users;
    for (int row = 0; row < filter.rowCount(); ++row)
        users.append(filter.index(row, SessionModel::LoginColumn).data().toString());
    QCOMPARE(users, (QStringList{QStringLiteral("wwhite"), QStringLiteral("skyler"), QStringLiteral("jpinkman")}));
    const QModelIndex failed = filter.index(0, SessionModel::OutcomeColumn);
    QCOMPARE(failed.data().toString(), QStringLiteral("Failed"));
    QCOMPARE(failed.data(Qt::ForegroundRole).value<QColor>(), outcomeColour(Outcome::Failed));
    QVERIFY(!failed.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(filter.index(0, SessionModel::FailedStepColumn).data().toString(), QStringLiteral("LDAP user bind"));
    QCOMPARE(filter.index(0, SessionModel::CauseColumn).data().toString(), QStringLiteral("Wrong password"));
    // A login with notes lists them in its tooltip.
    const QModelIndex noted = filter.index(1, SessionModel::LoginColumn);
    QCOMPARE(noted.data().toString(), QStringLiteral("skyler"));
    QVERIFY(noted.data(SessionModel::NotesRole).toString().endsWith(QStringLiteral(": Phone was unplugged")));
    QVERIFY(noted.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Notes:\n")));
    QCOMPARE(filter.index(0, SessionModel::LoginColumn).data(SessionModel::NotesRole).toString(), QString());
    // Its number carries the note mark; a login without notes has none.
    QVERIFY(!filter.index(1, SessionModel::NumberColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(filter.index(0, SessionModel::NumberColumn).data(Qt::DecorationRole).isNull());
}

void TestUiModels::sessionFilterMatchesUserAndCause_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("empty filter shows every session") << QString() << 3;
    QTest::newRow("part of a user name") << QStringLiteral("PINK") << 1;
    QTest::newRow("a cause title") << QStringLiteral("wrong password") << 1;
    QTest::newRow("an outcome") << QStringLiteral("incomplete") << 1;
    QTest::newRow("a device shared by all") << QStringLiteral("SEP0017") << 3;
    QTest::newRow("a note on a step") << QStringLiteral("unplugged") << 1;
    QTest::newRow("nothing matches") << QStringLiteral("no such user") << 0;
}

void TestUiModels::sessionFilterMatchesUserAndCause()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    SessionModel model;
    model.setSessions(threeSessions());
    SessionFilterModel filter;
    filter.setSourceModel(&model);
    filter.setFilterFixedString(text);
    QCOMPARE(filter.rowCount(), rows);
}

void TestUiModels::logModelPassesTheModelTesterFilteredAndNot()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(loadTraces({samplePath}));
    QCOMPARE(model.rowCount(), 93);
    model.setFilter(QList<RecordIndex>{RecordIndex{7}, RecordIndex{3}});
    QCOMPARE(model.rowCount(), 2);
    model.setFilter(std::nullopt);
    QCOMPARE(model.rowCount(), 93);
    model.setStore(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestUiModels::logModelMapsRecordsToRows()
{
    LogModel model;
    model.setStore(loadTraces({samplePath}));
    QCOMPARE(model.index(0, LogModel::LineColumn).data().toLongLong(), 1);
    QVERIFY(model.index(0, LogModel::RecordColumn).data().toString().startsWith(QStringLiteral("00895255.002 |")));
    QCOMPARE(model.rowOf(RecordIndex{40}), 40);
    model.setFilter(QList<RecordIndex>{RecordIndex{50}, RecordIndex{10}, RecordIndex{30}});
    QCOMPARE(model.recordAt(0), RecordIndex{10});
    QCOMPARE(model.rowOf(RecordIndex{30}), 1);
    QCOMPARE(model.rowOf(RecordIndex{40}), -1);
    QCOMPARE(model.index(2, 0).data(LogModel::RecordIndexRole).value<qsizetype>(), 50);
}

void TestUiModels::syntaxDefinitionShipsInTheResources()
{
    SdlHighlighter highlighter;
    QVERIFY(highlighter.isValid());
    QCOMPARE(highlighter.definition().name(), SdlHighlighter::definitionName());
}

void TestUiModels::highlightsTheFieldsOfARecord_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("bold");
    const QString signal = QStringLiteral(
        "00895261.000 |08:59:17.058 |SdlSig |CtiLoginCheckReq |ready |Directory(1,200,23,1) |CTIHandler(1,200,22,7) "
        "|1,200,13,8.3^*^* |[T:N-H:0,N:0,L:0,V:0,Z:0,D:0] Login=wwhite Seq#=2");
    const QString failure =
        QStringLiteral("00895300.004 |08:59:18.001 |AppInfo |[CTI-APP] [CTIHandler::OutputCtiMessage ] CTI "
                       "ProviderOpenCompletedEvent (seq#=2) error code=0x8CCC0060 LDAP authentication bind failed");
    QTest::newRow("signal name in bold") << signal << QStringLiteral("CtiLoginCheckReq") << true;
    QTest::newRow("sequence number") << signal << QStringLiteral("00895261.000") << false;
    QTest::newRow("time of day") << signal << QStringLiteral("08:59:17.058") << false;
    QTest::newRow("process tuple") << signal << QStringLiteral("Directory(1,200,23,1)") << false;
    QTest::newRow("CTI error code in bold") << failure << QStringLiteral("0x8CCC0060") << true;
    QTest::newRow("failure word stands out") << failure << QStringLiteral("failed") << true;
}

void TestUiModels::highlightsTheFieldsOfARecord()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    QFETCH(bool, bold);
    SdlHighlighter highlighter;
    const QList<Span> found = spans(highlighter, line);
    const auto it = std::find_if(found.cbegin(), found.cend(), [&](const Span &span) { return span.text == expected; });
    QVERIFY2(it != found.cend(), qPrintable(expected));
    QCOMPARE(it->bold, bold);
}

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
