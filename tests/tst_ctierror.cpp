// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The CTI error code search: its shortcuts (the vector pre-scan, the start at the first candidate)
// must find exactly what a plain left-to-right reading of every byte finds.

#include "ctierror.h"

#include <QRandomGenerator>
#include <QTest>

#include <optional>

using namespace CtiFlow;

namespace {

constexpr quint32 base = 0x8CCC0000u;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isCode(qint64 value)
{
    return (value >= 0 ? value <= 0xFFFFFFFFLL : value >= -0x80000000LL) && (quint32(value) & 0xFFFF0000u) == base;
}

// Every byte in turn: "0x" and exactly eight hex digits, or a decimal number (optionally signed)
// that does not continue a word, read whole before going on.
std::optional<quint32> plainSearch(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
            qsizetype j = i + 2;
            quint64 value = 0;
            while (j < text.size() && isHex(text[j]) && j - (i + 2) < 9) {
                value = value * 16 + quint64(QByteArray(1, text[j]).toUInt(nullptr, 16));
                ++j;
            }
            if (j - (i + 2) == 8 && !(j < text.size() && isHex(text[j])) && isCode(qint64(value)))
                return quint32(value);
            i += 1;
            continue;
        }
        const bool starts = isDigit(c) || (c == '-' && i + 1 < text.size() && isDigit(text[i + 1]));
        if (!starts || (i > 0 && (isHex(text[i - 1]) || text[i - 1] == '.')))
            continue;
        qsizetype j = c == '-' ? i + 1 : i;
        const qsizetype first = j;
        while (j < text.size() && isDigit(text[j]))
            ++j;
        const QByteArrayView digits = text.sliced(first, j - first);
        if (digits.size() <= 11) {
            const qint64 magnitude = digits.toByteArray().toLongLong();
            if (const qint64 value = c == '-' ? -magnitude : magnitude; isCode(value))
                return quint32(value);
        }
        i = j - 1;
    }
    return std::nullopt;
}

QByteArray spelling(quint32 code, int kind)
{
    switch (kind) {
    case 0:
        return "0x" + QByteArray::number(code, 16);
    case 1:
        return "0X" + QByteArray::number(code, 16).toUpper();
    case 2:
        return QByteArray::number(code);
    default:
        return QByteArray::number(qint32(code));
    }
}

} // namespace

class TestCtiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithPlainSearch_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("code after a number that ends in 0") << QByteArray("120x8CCC00D2");
        QTest::newRow("code after a word") << QByteArray("code=0x8ccc00d2");
        QTest::newRow("decimal continuing a hex word") << QByteArray("a2362179794");
        QTest::newRow("decimal after a dot") << QByteArray(".2362179794");
        QTest::newRow("signed at the end") << QByteArray("a long line of text that ends in -1932787502");
        QTest::newRow("hex run without 0x") << QByteArray("pkid=8ccc00d2 then 0x8ccc00d3");
        QTest::newRow("code across the second window") << QByteArray("0123456789a 0x8CCC0060 b");
        QTest::newRow("ten digits, no code, then a code") << QByteArray("4294967295 x 2362179794");
        QTest::newRow("eleven digits with a leading zero") << QByteArray("  02362179794");
        QTest::newRow("twelve digits") << QByteArray("002362179794");
        QTest::newRow("nine hex digits") << QByteArray("0x8ccc00d2f");
        QTest::newRow("short") << QByteArray("0x8");
        QTest::newRow("empty") << QByteArray();
    }

    void agreesWithPlainSearch()
    {
        QFETCH(QByteArray, text);
        QCOMPARE(findCtiErrorCode(text), plainSearch(text));
    }

    // Random texts built from the bytes that matter (digits, hex letters, x, '-', '.') with codes
    // in every spelling at every offset: the windows of the pre-scan start every six bytes, so
    // every alignment is covered many times.
    void agreesWithPlainSearchOnRandomTexts()
    {
        QRandomGenerator random(20261204);
        constexpr char alphabet[] = "0123456789abcdefABCDEFxX-. =z";
        int withCode = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray text;
            const int length = int(random.bounded(90));
            while (text.size() < length) {
                if (random.bounded(8) == 0) {
                    const quint32 code =
                        random.bounded(3) == 0 ? quint32(random.generate()) : base | quint32(random.bounded(0x10000));
                    text += spelling(code, int(random.bounded(4)));
                } else {
                    text += alphabet[random.bounded(int(sizeof(alphabet) - 1))];
                }
            }
            const auto expected = plainSearch(text);
            withCode += expected.has_value();
            QVERIFY2(findCtiErrorCode(text) == expected, text.constData());
        }
        QVERIFY(withCode > 1000); // the texts do hold codes, not only near misses
    }
};

QTEST_GUILESS_MAIN(TestCtiError)
#include "tst_ctierror.moc"
