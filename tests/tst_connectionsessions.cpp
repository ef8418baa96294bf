// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The map from a client connection to its current session that the session analysis consults for
// every signal: it answers as a plain ordered map would, through any number of connections, reuse
// and growth.
#include "recordgroups.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace CtiFlow;
using namespace CtiFlow::pass;

namespace {

Connection connection(quint32 node, quint32 application, quint32 type, quint32 instance)
{
    Connection c;
    c.numbers = {node, application, type, instance};
    c.valid = true;
    return c;
}

} // namespace

class TestConnectionSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyKnowsNoConnection()
    {
        const ConnectionSessions map;
        QCOMPARE(map.value(connection(1, 200, 13, 8)), -1);
    }

    void eachNumberTellsConnectionsApart_data()
    {
        QTest::addColumn<int>("differing");
        QTest::newRow("node") << 0;
        QTest::newRow("application") << 1;
        QTest::newRow("type") << 2;
        QTest::newRow("instance") << 3;
    }
    void eachNumberTellsConnectionsApart()
    {
        QFETCH(int, differing);
        ConnectionSessions map;
        const Connection a = connection(1, 200, 13, 8);
        Connection b = a;
        b.numbers[size_t(differing)] += 1;
        map.set(a, 4);
        QCOMPARE(map.value(a), 4);
        QCOMPARE(map.value(b), -1);
        map.set(b, 9);
        QCOMPARE(map.value(a), 4);
        QCOMPARE(map.value(b), 9);
    }

    void reopenedConnectionGetsItsNewSession()
    {
        ConnectionSessions map;
        const Connection c = connection(1, 200, 13, 5000014);
        map.set(c, 3);
        map.set(c, -1); // taken from its session
        QCOMPARE(map.value(c), -1);
        map.set(c, 12);
        QCOMPARE(map.value(c), 12);
    }

    // Random connections from a small range, so that keys repeat and collide, checked against
    // std::map after every operation while the table grows many times.
    void agreesWithOrderedMap()
    {
        QRandomGenerator random(20261204);
        ConnectionSessions map;
        std::map<std::array<quint32, 4>, int> reference;
        for (int op = 0; op < 60000; ++op) {
            const Connection c = connection(random.bounded(3), 200 + random.bounded(2), 13, random.bounded(20000));
            if (random.bounded(4) == 0) {
                const auto it = reference.find(c.numbers);
                QCOMPARE(map.value(c), it == reference.end() ? -1 : it->second);
                continue;
            }
            const int session = random.bounded(10) == 0 ? -1 : int(random.bounded(100000));
            map.set(c, session);
            reference[c.numbers] = session;
            QCOMPARE(map.value(c), session);
        }
        QVERIFY(reference.size() > 20000); // well past the first sizes of the table
        for (const auto &[numbers, session] : reference)
            QCOMPARE(map.value(connection(numbers[0], numbers[1], numbers[2], numbers[3])), session);
    }
};

QTEST_GUILESS_MAIN(TestConnectionSessions)
#include "tst_connectionsessions.moc"
