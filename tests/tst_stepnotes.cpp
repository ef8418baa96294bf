// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engineer's notes on steps: found again for the same login, kept in a file written atomically,
// a damaged file refused with its reason.
#include "stepnotes.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;

namespace {

Session login(const QString &user, qint64 firstMs)
{
    Session session;
    session.login = user;
    session.node = QStringLiteral("cucm1");
    session.connection = QStringLiteral("1,200,13,8");
    session.firstMs = firstMs;
    for (const char *id : {"provider-open-request", "ldap-initialize", "device-open-response"}) {
        StepResult step;
        step.id = QString::fromLatin1(id);
        session.steps.append(step);
    }
    return session;
}

constexpr qint64 nineOClock = 1'710'147'600'000; // 2024-03-11 09:00:00

} // namespace

class TestStepNotes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notesBelongToOneLoginAndStep()
    {
        StepNotes notes;
        const Session jdoe = login(QStringLiteral("jdoe"), nineOClock);
        QVERIFY(notes.setNote(jdoe, QStringLiteral("ldap-initialize"), QStringLiteral("  LDAP down at 09:12\n")));
        QCOMPARE(notes.note(jdoe, QStringLiteral("ldap-initialize")), QStringLiteral("LDAP down at 09:12"));
        QCOMPARE(notes.note(jdoe, QStringLiteral("provider-open-request")), QString());
        // Another login of the same user, a second later, is another login.
        QCOMPARE(notes.note(login(QStringLiteral("jdoe"), nineOClock + 1000), QStringLiteral("ldap-initialize")),
                 QString());
        QCOMPARE(notes.note(login(QStringLiteral("asmith"), nineOClock), QStringLiteral("ldap-initialize")), QString());

        QList<Session> sessions{jdoe, login(QStringLiteral("asmith"), nineOClock)};
        sessions[0].steps[0].note = QStringLiteral("stale");
        notes.apply(sessions);
        QCOMPARE(sessions[0].steps[0].note, QString()); // no note kept: none shown
        QCOMPARE(sessions[0].steps[1].note, QStringLiteral("LDAP down at 09:12"));
        QCOMPARE(sessions[1].steps[1].note, QString());
        // A clock shift of the node moves the login's times, not its note.
        QList<Session> shifted{jdoe};
        shifted[0].firstMs += 2500;
        notes.apply(shifted, {{QStringLiteral("cucm1"), 2500}});
        QCOMPARE(shifted[0].steps[1].note, QStringLiteral("LDAP down at 09:12"));
        QCOMPARE(notes.note(shifted[0], QStringLiteral("ldap-initialize"), 2500), QStringLiteral("LDAP down at 09:12"));
        notes.apply(shifted);
        QCOMPARE(shifted[0].steps[1].note, QString());

        QVERIFY(notes.setNote(jdoe, QStringLiteral("ldap-initialize"), QStringLiteral("  ")));
        QCOMPARE(notes.size(), 0);
        QVERIFY(notes.setNote(jdoe, QStringLiteral("ldap-initialize"), QString(StepNotes::maxNoteLength + 50, u'x')));
        QCOMPARE(notes.note(jdoe, QStringLiteral("ldap-initialize")).size(), StepNotes::maxNoteLength);
    }

    void savedNotesLoadAgain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("sub/folder/step-notes.json"));
        StepNotes notes;
        QVERIFY(notes.load(path)); // no file yet: no notes
        const Session jdoe = login(QStringLiteral("jdoe"), nineOClock);
        QVERIFY(notes.setNote(jdoe, QStringLiteral("ldap-initialize"), QStringLiteral("LDAP down\nsecond line")));
        QVERIFY(notes.setNote(jdoe, QStringLiteral("device-open-response"), QStringLiteral("phone replaced")));
        QString error;
        QVERIFY2(notes.save(path, &error), qPrintable(error));

        StepNotes again;
        QVERIFY2(again.load(path, &error), qPrintable(error));
        QCOMPARE(again.size(), 2);
        QCOMPARE(again.note(jdoe, QStringLiteral("ldap-initialize")), QStringLiteral("LDAP down\nsecond line"));
        QCOMPARE(again.note(jdoe, QStringLiteral("device-open-response")), QStringLiteral("phone replaced"));
    }

    void damagedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QStringLiteral("not JSON at byte");
        QTest::newRow("another file") << QByteArray(R"({"format": "something-else", "notes": []})")
                                      << QStringLiteral("not a notes file");
        QTest::newRow("newer") << QByteArray(R"({"format": "ctiflow-step-notes", "version": 9, "notes": []})")
                               << QStringLiteral("written by a newer CTI Flow (version 9)");
        QTest::newRow("note without text")
            << QByteArray(R"({"format": "ctiflow-step-notes", "version": 1, "notes": [)"
                          R"({"session": "a", "step": "b", "text": "c"}, {"session": "a", "step": "d"}]})")
            << QStringLiteral("note 2 lacks its session, step or text");
    }
    void damagedFilesAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("step-notes.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        StepNotes notes;
        const Session jdoe = login(QStringLiteral("jdoe"), nineOClock);
        QVERIFY(notes.setNote(jdoe, QStringLiteral("ldap-initialize"), QStringLiteral("kept")));
        QString error;
        QVERIFY(!notes.load(path, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")) && error.contains(reason), qPrintable(error));
        QCOMPARE(notes.note(jdoe, QStringLiteral("ldap-initialize")), QStringLiteral("kept")); // nothing read
    }
};

QTEST_GUILESS_MAIN(TestStepNotes)
#include "tst_stepnotes.moc"
