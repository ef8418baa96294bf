// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The multi-string matcher behind the rules: every occurrence of every needle is reported at its
// place, whatever the stride its shortest needle allows, and nothing else is.
#include "textmatcher.h"

#include <QRandomGenerator>
#include <QTest>

#include <set>
#include <utility>

using namespace CtiFlow;

namespace {

using Hits = std::set<std::pair<int, qsizetype>>;

Hits scanned(const TextMatcher &matcher, QByteArrayView text)
{
    Hits hits;
    matcher.scan(text, [&](int needle, qsizetype at) { hits.insert({needle, at}); });
    return hits;
}

// Every occurrence by a plain search; needles under four bytes at their first occurrence only.
Hits expected(const QList<QByteArray> &needles, QByteArrayView text)
{
    Hits hits;
    for (qsizetype n = 0; n < needles.size(); ++n) {
        if (needles[n].isEmpty())
            continue;
        for (qsizetype at = text.indexOf(needles[n]); at >= 0; at = text.indexOf(needles[n], at + 1)) {
            hits.insert({int(n), at});
            if (needles[n].size() < 4)
                break;
        }
    }
    return hits;
}

} // namespace

class TestTextMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stride_data()
    {
        QTest::addColumn<QList<QByteArray>>("needles");
        QTest::addColumn<int>("stride");
        QTest::newRow("long needles") << QList<QByteArray>{"Authenticating using LDAP", "CTI DeviceOpenRequest"} << 8;
        QTest::newRow("shortest seven") << QList<QByteArray>{"result=", "CTI ProviderOpenRequest"} << 4;
        QTest::newRow("four bytes") << QList<QByteArray>{"abcd", "CTI ProviderOpenRequest"} << 1;
        QTest::newRow("short ones do not count") << QList<QByteArray>{"ab", "abcdefghijkl"} << 8;
    }
    void stride()
    {
        QFETCH(QList<QByteArray>, needles);
        QFETCH(int, stride);
        QCOMPARE(TextMatcher(needles).stride(), stride);
    }

    void finds_data()
    {
        QTest::addColumn<QList<QByteArray>>("needles");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("hits");
        const QList<QByteArray> rules{"result=", "Result=", "CTI ProviderOpenRequest", "LDAP Search complete. Code:"};
        QTest::newRow("at the start") << rules << QByteArray("result=Success") << 1;
        QTest::newRow("at the end") << rules << QByteArray("CtiLoginCheckRes result=") << 1;
        QTest::newRow("whole text") << rules << QByteArray("Result=") << 1;
        QTest::newRow("one byte short") << rules << QByteArray("result") << 0;
        QTest::newRow("every offset of the stride")
            << rules << QByteArray("result=1 xresult=2 xxresult=3 xxxresult=4 xxxxresult=5") << 5;
        QTest::newRow("overlapping") << QList<QByteArray>{"aaaaaaaa"} << QByteArray("aaaaaaaaaa") << 3;
        QTest::newRow("two needles in one place")
            << QList<QByteArray>{"LDAP Search complete.", "Search complete. Code:"}
            << QByteArray("[x] LDAP Search complete. Code: 0") << 2;
        QTest::newRow("short needle once")
            << QList<QByteArray>{"=0", "isDeviceOpenValid"} << QByteArray("a=0 b=0 isDeviceOpenValid") << 2;
        QTest::newRow("empty text") << rules << QByteArray() << 0;
        QTest::newRow("empty needle ignored")
            << QList<QByteArray>{QByteArray(), "result="} << QByteArray("result=") << 1;
    }
    void finds()
    {
        QFETCH(QList<QByteArray>, needles);
        QFETCH(QByteArray, text);
        QFETCH(int, hits);
        const Hits found = scanned(TextMatcher(needles), text);
        QCOMPARE(found, expected(needles, text));
        QCOMPARE(int(found.size()), hits);
    }

    // Random texts over a small alphabet with needles planted at random places, so that needles
    // occur often, overlap and fall at every alignment.
    void agreesWithPlainSearch_data()
    {
        QTest::addColumn<QList<QByteArray>>("needles");
        QTest::newRow("stride 1") << QList<QByteArray>{"abca", "bcab", "cabcabca", "ab"};
        QTest::newRow("stride 3") << QList<QByteArray>{"abcabc", "bbaacc", "cabcabcabc", "a"};
        QTest::newRow("stride 5") << QList<QByteArray>{"abcabcab", "ccbbaacc", "aaaaaaaaaaaa"};
        QTest::newRow("stride 8") << QList<QByteArray>{"abcabcabcab", "bacbacbacba", "cccccccccccccccc"};
        // The first eight bytes are compared at once: needles that share them and differ after, one of
        // exactly eight bytes and one shorter.
        QTest::newRow("shared heads") << QList<QByteArray>{"abcabcabca", "abcabcabcb", "abcabcab", "abcabca"};
    }
    void agreesWithPlainSearch()
    {
        QFETCH(QList<QByteArray>, needles);
        const TextMatcher matcher(needles);
        QRandomGenerator random(42);
        qsizetype total = 0;
        for (int round = 0; round < 300; ++round) {
            QByteArray text;
            const quint32 length = random.bounded(200u);
            while (quint32(text.size()) < length) {
                if (random.bounded(8u) == 0)
                    text += needles[qsizetype(random.bounded(quint32(needles.size())))];
                else
                    text += char('a' + random.bounded(3u));
            }
            const Hits want = expected(needles, text);
            QCOMPARE(scanned(matcher, text), want);
            total += qsizetype(want.size());
        }
        QVERIFY(total > 100); // the texts did hold occurrences to find
    }
};

QTEST_GUILESS_MAIN(TestTextMatcher)
#include "tst_textmatcher.moc"
