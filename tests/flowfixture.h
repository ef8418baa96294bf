// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analyzer.h"
#include "tracestore.h"

#include <QFile>
#include <QRegularExpression>
#include <QString>

#include <memory>

namespace CtiFlow::Test {

// The ways one hand-written fixture is replayed: as written, with the other column style, with the
// other release's process numbering, and both.
enum class Variant
{
    AsWritten,
    OtherStyle,
    OtherNumbering,
    Both,
};

inline QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(CTIFLOW_TEST_DATA "/flow/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool isPadded(const QByteArray &text)
{
    return text.contains("|SdlSig   |") || text.contains("|AppInfo  |");
}

// Squeezes the padding before each '|' to one space, as TAC pages print traces.
inline QByteArray collapse(const QByteArray &text)
{
    static const QRegularExpression padding(QStringLiteral(" {2,}\\|"));
    return QString::fromUtf8(text).replace(padding, QStringLiteral(" |")).toUtf8();
}

// Pads the header fields to the widths CUCM writes (sequence 13, time 13, type 9, signal 39,
// state 31, tuples 33, tag 41).
inline QByteArray pad(const QByteArray &text)
{
    static const int widths[] = {13, 13, 9, 39, 31, 33, 33, 41};
    QByteArray out;
    for (const QByteArray &line : text.split('\n')) {
        const bool record = line.size() > 13 && line[8] == '.' && line[12] == ' ';
        if (!record) {
            out += line + '\n';
            continue;
        }
        QList<QByteArray> fields = line.split('|');
        const QByteArray type = fields.value(2).trimmed();
        const int fixed = type.startsWith("SdlSig") ? 8 : 3;
        QByteArray padded;
        for (int i = 0; i < fields.size(); ++i) {
            if (i < fixed && i < fields.size() - 1)
                padded += fields[i].trimmed().leftJustified(widths[i], ' ') + '|';
            else
                padded += fields[i] + (i + 1 < fields.size() ? "|" : "");
        }
        out += padded + '\n';
    }
    out.chop(1);
    return out;
}

// 10.5 process type numbers to 14.x (domain notes 1.6): the analysis must match on names only.
inline QByteArray renumber(const QByteArray &text)
{
    QString s = QString::fromUtf8(text);
    const std::pair<const char *, const char *> map[] = {
        {"CTIHandler(1,200,22,", "CTIHandler(1,200,12,"},
        {"CTIDbAccess(1,200,26,", "CTIDbAccess(1,200,8,"},
        {"CTIDeviceLineMgr(1,200,25,", "CTIDeviceLineMgr(1,200,9,"},
        {"CtiManager(1,200,21,", "CtiManager(1,200,11,"},
        {"Directory(1,200,23,", "Directory(1,200,13,"},
        {"SdlTCPConnection(1,200,13,", "SdlTCPConnection(1,200,21,"},
        {"|1,200,13,", "|1,200,21,"},
        {"[1:200:13:", "[1:200:21:"},
    };
    for (const auto &[from, to] : map)
        s.replace(QLatin1String(from), QLatin1String(to));
    static const QRegularExpression paddedTag(QStringLiteral("\\|1,200,13,(\\d)"));
    s.replace(paddedTag, QStringLiteral("|1,200,21,\\1"));
    return s.toUtf8();
}

inline QByteArray variantOf(const QByteArray &text, Variant variant)
{
    QByteArray out = text;
    if (variant == Variant::OtherStyle || variant == Variant::Both)
        out = isPadded(out) ? collapse(out) : pad(out);
    if (variant == Variant::OtherNumbering || variant == Variant::Both)
        out = renumber(out);
    return out;
}

inline std::shared_ptr<TraceStore> storeOf(const QString &name, const QByteArray &text)
{
    auto store = std::make_shared<TraceStore>();
    SourceFile file;
    file.path = name;
    file.node = QStringLiteral("cucm1");
    file.cucmNode = 1;
    file.application = 200;
    file.rotation = 1;
    file.date = QDate(2026, 3, 2);
    file.text = text;
    store->indexFile(store->addFile(std::move(file)));
    store->finalize();
    return store;
}

// "succeeded", "incomplete" or "failed:<cause>@<step>[:<code>]" for each session, joined by "; ".
inline QString verdicts(const QList<Session> &sessions)
{
    QStringList out;
    for (const Session &session : sessions) {
        QString verdict = outcomeId(session.outcome);
        if (session.cause) {
            verdict += QLatin1Char(':') + session.cause->id + QLatin1Char('@') + session.cause->stepId;
            if (session.cause->code)
                verdict += QStringLiteral(":0x%1")
                               .arg(*session.cause->code, 8, 16, QLatin1Char('0'))
                               .toUpper()
                               .replace(QLatin1String("0X"), QLatin1String("0x"));
        }
        out << verdict;
    }
    return out.join(QStringLiteral("; "));
}

} // namespace CtiFlow::Test
