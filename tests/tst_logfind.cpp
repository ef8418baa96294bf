// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Find in the log: the search over the store's records and the log view that runs it on a worker.
#include "logmodel.h"
#include "logsearch.h"
#include "logview.h"
#include "traceloader.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace CtiFlow;

namespace {

const QString samplePath = QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt");

// In the sample each record is one line, from the first line on: record r is on line r + 1.
constexpr int firstLine = 1;
constexpr int loginCheck = 8;         // "CtiLoginCheckReq" is on lines 8 and 9 only
constexpr int loginCheckAgain = 9;    //
constexpr int decryptedKey = 12;      // "Decrypted Key Status"
constexpr int decryptedPassword = 17; // "Decrypted Password Status"

std::shared_ptr<const TraceStore> sampleStore()
{
    static const std::shared_ptr<const TraceStore> store = loadTraces({samplePath});
    return store;
}

int rowOfLine(int line)
{
    return line - firstLine;
}

} // namespace

class TestLogFind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void search_data();
    void search();
    void searchInAFilteredLog();
    void cancelledSearchStops();
    void progressReachesAllRows();
    void findWrapsAround();
    void enterFindsNextAndShiftEnterPrevious();
    void regexFinds();
    void invalidRegexIsReported();
    void notFoundIsReported();
    void secondSearchCancelsTheFirst();
    void resultIsDroppedAfterTheModelChanges();
    void closingWhileSearchingIsSafe();

private:
    struct View
    {
        LogView view;
        QSignalSpy finished{&view, &LogView::findFinished};
    };
    static void findFrom(View &view, int line, const QString &text, bool backwards = false);
};

void TestLogFind::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("startLine"); // 0: no current row
    QTest::addColumn<bool>("backwards");
    QTest::addColumn<int>("foundLine"); // 0: not found
    QTest::addColumn<bool>("wrapped");
    QTest::newRow("plain text ignores case and finds the next match")
        << "ctiloginCHECKreq" << false << firstLine << false << loginCheck << false;
    QTest::newRow("the next match after a match")
        << "CtiLoginCheckReq" << false << loginCheck << false << loginCheckAgain << false;
    QTest::newRow("forwards wraps past the last row")
        << "CtiLoginCheckReq" << false << loginCheckAgain << false << loginCheck << true;
    QTest::newRow("backwards finds the previous match")
        << "CtiLoginCheckReq" << false << decryptedKey << true << loginCheckAgain << false;
    QTest::newRow("backwards wraps past the first row")
        << "CtiLoginCheckReq" << false << loginCheck << true << loginCheckAgain << true;
    QTest::newRow("the only match, from itself, wraps to itself")
        << "Decrypted Key" << false << decryptedKey << false << decryptedKey << true;
    QTest::newRow("without a current row from the first row")
        << "CtiLoginCheckReq" << false << 0 << false << loginCheck << false;
    QTest::newRow("without a current row backwards from the last row")
        << "CtiLoginCheckReq" << false << 0 << true << loginCheckAgain << false;
    QTest::newRow("regex alternatives") << "Decrypted (Key|Password) Status" << true << decryptedKey << false
                                        << decryptedPassword << false;
    QTest::newRow("regex ignores case") << "decrypted\\s+PASSWORD" << true << firstLine << false << decryptedPassword
                                        << false;
    QTest::newRow("plain text is no regex")
        << "Decrypted (Key|Password) Status" << false << firstLine << false << 0 << false;
    QTest::newRow("an invalid regex matches nothing") << "Decrypted (" << true << firstLine << false << 0 << false;
    QTest::newRow("non-ASCII text decodes the records")
        << QStringLiteral("Passwörd") << false << firstLine << false << 0 << false;
}

void TestLogFind::search()
{
    QFETCH(QString, text);
    QFETCH(bool, regex);
    QFETCH(int, startLine);
    QFETCH(bool, backwards);
    QFETCH(int, foundLine);
    QFETCH(bool, wrapped);
    const auto store = sampleStore();
    QCOMPARE(store->line(RecordIndex{rowOfLine(loginCheck)}).value, quint32(loginCheck));
    const LogSearch search{store, std::nullopt, text, regex, startLine > 0 ? rowOfLine(startLine) : -1, backwards};
    const std::atomic_bool cancelled = false;
    const LogSearchResult result = searchLog(search, cancelled);
    QVERIFY(!result.cancelled);
    QCOMPARE(result.row, foundLine > 0 ? rowOfLine(foundLine) : -1);
    QCOMPARE(result.wrapped, wrapped);
}

void TestLogFind::searchInAFilteredLog()
{
    // The log shows three records; the match is the third row.
    const QList<RecordIndex> rows{RecordIndex{0}, RecordIndex{rowOfLine(loginCheck)},
                                  RecordIndex{rowOfLine(decryptedPassword)}};
    const LogSearch search{sampleStore(), rows, QStringLiteral("decrypted"), false, 0, false};
    const std::atomic_bool cancelled = false;
    QCOMPARE(searchLog(search, cancelled).row, 2);
}

void TestLogFind::cancelledSearchStops()
{
    // Many rows (the same record again and again) and nothing to find: only the cancel ends it early.
    const LogSearch search{
        sampleStore(), QList<RecordIndex>(50'000, RecordIndex{0}), QStringLiteral("no such text"), false, -1, false};
    const std::atomic_bool cancelled = true;
    int lastPercent = 0;
    const LogSearchResult result = searchLog(search, cancelled, [&lastPercent](int percent) { lastPercent = percent; });
    QVERIFY(result.cancelled);
    QCOMPARE(result.row, -1);
    QVERIFY(lastPercent < 100);
}

void TestLogFind::progressReachesAllRows()
{
    const LogSearch search{
        sampleStore(), QList<RecordIndex>(10'000, RecordIndex{0}), QStringLiteral("no such text"), false, -1, false};
    const std::atomic_bool cancelled = false;
    QList<int> percents;
    const LogSearchResult result = searchLog(search, cancelled, [&percents](int percent) { percents.append(percent); });
    QCOMPARE(result.row, -1);
    QCOMPARE(percents.size(), 100);
    QVERIFY(std::is_sorted(percents.cbegin(), percents.cend()));
    QCOMPARE(percents.last(), 100);
}

void TestLogFind::findFrom(View &view, int line, const QString &text, bool backwards)
{
    view.view.selectRecord(RecordIndex{rowOfLine(line)});
    view.view.findEdit()->setText(text);
    view.finished.clear();
    view.view.findNext(backwards);
}

void TestLogFind::findWrapsAround()
{
    View view;
    view.view.setStore(sampleStore());
    findFrom(view, loginCheckAgain, QStringLiteral("CtiLoginCheckReq"));
    QVERIFY(view.view.isFinding());
    QTRY_COMPARE(view.finished.count(), 1);
    QVERIFY(!view.view.isFinding());
    QCOMPARE(view.finished.first().first().toBool(), true);
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(loginCheck)});
    QCOMPARE(view.view.findStatus()->text(), QStringLiteral("Wrapped"));

    view.finished.clear();
    view.view.findNext(true); // and back past the first row
    QTRY_COMPARE(view.finished.count(), 1);
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(loginCheckAgain)});
    QCOMPARE(view.view.findStatus()->text(), QStringLiteral("Wrapped"));
}

void TestLogFind::enterFindsNextAndShiftEnterPrevious()
{
    View view;
    view.view.setStore(sampleStore());
    view.view.selectRecord(RecordIndex{rowOfLine(decryptedKey)});
    view.view.findEdit()->setText(QStringLiteral("Status success"));
    QTest::keyClick(view.view.findEdit(), Qt::Key_Return);
    QTRY_COMPARE(view.finished.count(), 1);
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(decryptedPassword)});
    QVERIFY(view.view.findStatus()->text().isEmpty());

    QTest::keyClick(view.view.findEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QTRY_COMPARE(view.finished.count(), 2);
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(decryptedKey)});
}

void TestLogFind::regexFinds()
{
    View view;
    view.view.setStore(sampleStore());
    view.view.regexBox()->setChecked(true);
    findFrom(view, decryptedKey, QStringLiteral("Decrypted (Key|Password) Status"));
    QTRY_COMPARE(view.finished.count(), 1);
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(decryptedPassword)});
}

void TestLogFind::invalidRegexIsReported()
{
    View view;
    view.view.setStore(sampleStore());
    view.view.regexBox()->setChecked(true);
    findFrom(view, loginCheck, QStringLiteral("Decrypted (Key"));
    QCOMPARE(view.finished.count(), 1); // told at once, nothing to search
    QCOMPARE(view.finished.first().first().toBool(), false);
    QVERIFY(!view.view.isFinding());
    QVERIFY2(view.view.findStatus()->text().startsWith(QStringLiteral("Invalid regular expression: ")),
             qPrintable(view.view.findStatus()->text()));
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(loginCheck)});
}

void TestLogFind::notFoundIsReported()
{
    View view;
    view.view.setStore(sampleStore());
    findFrom(view, loginCheck, QStringLiteral("no such text"));
    QTRY_COMPARE(view.finished.count(), 1);
    QCOMPARE(view.finished.first().first().toBool(), false);
    QCOMPARE(view.view.findStatus()->text(), QStringLiteral("Not found"));
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(loginCheck)});
}

void TestLogFind::secondSearchCancelsTheFirst()
{
    View view;
    view.view.setStore(sampleStore());
    findFrom(view, firstLine, QStringLiteral("CtiLoginCheckReq"));
    // Its result can only arrive through the event loop, after the second search started.
    view.view.findEdit()->setText(QStringLiteral("Decrypted Password"));
    view.view.findNext();
    QTRY_COMPARE(view.finished.count(), 1);
    // One search runs at a time: the first one's result, if any, was posted before the second's.
    QCoreApplication::processEvents();
    QCOMPARE(view.finished.count(), 1);
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(decryptedPassword)});
}

void TestLogFind::resultIsDroppedAfterTheModelChanges()
{
    View view;
    view.view.setStore(sampleStore());
    findFrom(view, firstLine, QStringLiteral("CtiLoginCheckReq"));
    // The user narrows the log to a few records: the running search's rows are gone.
    view.view.setSessionRecords({RecordIndex{0}, RecordIndex{rowOfLine(decryptedKey)}});
    view.view.setSessionOnly(true);
    QVERIFY(!view.view.isFinding());
    QVERIFY(view.view.findStatus()->text().isEmpty());
    QCOMPARE(view.view.model()->rowCount(), 2);

    view.view.findEdit()->setText(QStringLiteral("Decrypted"));
    view.view.findNext();
    QTRY_COMPARE(view.finished.count(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(view.finished.count(), 1);
    QCOMPARE(view.view.table()->currentIndex().row(), 1);
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(decryptedKey)});

    // A new bundle drops a running search too.
    view.finished.clear();
    view.view.findEdit()->setText(QStringLiteral("CtiLoginCheckReq"));
    view.view.findNext();
    view.view.setStore(loadTraces({samplePath}));
    QVERIFY(!view.view.isFinding());
    view.view.findEdit()->setText(QStringLiteral("Decrypted Password"));
    view.view.findNext();
    QTRY_COMPARE(view.finished.count(), 1);
    QCOMPARE(view.view.currentRecord(), RecordIndex{rowOfLine(decryptedPassword)});
}

void TestLogFind::closingWhileSearchingIsSafe()
{
    auto view = std::make_unique<LogView>();
    view->setStore(sampleStore());
    view->findEdit()->setText(QStringLiteral("no such text"));
    view->findNext();
    QVERIFY(view->isFinding());
    view.reset(); // cancels and waits for the worker, whose result must not reach a deleted view
    QCoreApplication::processEvents();
}

QTEST_MAIN(TestLogFind)
#include "tst_logfind.moc"
