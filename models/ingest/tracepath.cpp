// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracepath.h"

#include "record.h"

#include <QRegularExpression>

namespace CtiFlow {

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;
// Records may be stamped a little after the file time when clocks are coarse.
constexpr qint64 clockSlackMs = 5LL * 60 * 1000;
// Lines of text searched for the first record before a file is called "not a trace".
constexpr qsizetype sniffBytes = 64 * 1024;

bool isTimestampFolder(const QString &name)
{
    static const QRegularExpression stamp(
        QStringLiteral(R"(^\d{4}-?\d{2}-?\d{2}([_T-]?\d{2}[-:]?\d{2}([-:]?\d{2})?)?$)"));
    return stamp.match(name).hasMatch();
}

QString nodeFolder(const QStringList &parts)
{
    for (qsizetype i = 1; i + 1 < parts.size(); ++i) {
        if (parts[i] != QLatin1String("cm") || parts[i + 1] != QLatin1String("trace"))
            continue;
        qsizetype n = i - 1;
        if (isTimestampFolder(parts[n]) && n > 0)
            --n;
        const QString name = parts[n];
        if (!name.isEmpty() && !name.endsWith(QLatin1String(".zip")) && !name.endsWith(QLatin1String(".tar")) &&
            !name.endsWith(QLatin1String(".tgz")) && !name.endsWith(QLatin1String(".gz")))
            return name;
    }
    return {};
}

} // namespace

TracePathInfo tracePathInfo(const QString &path)
{
    TracePathInfo info;
    QString normal = path;
    normal.replace(QLatin1Char('\\'), QLatin1Char('/')).replace(QLatin1Char('!'), QLatin1Char('/'));
    const QStringList parts = normal.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    static const QRegularExpression name(QStringLiteral(R"(^SDL(\d{3})_(\d{3})_(\d{6,}))"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (!parts.isEmpty()) {
        const QRegularExpressionMatch m = name.match(parts.last());
        if (m.hasMatch()) {
            info.cucmNode = m.captured(1).toInt();
            info.application = m.captured(2).toInt();
            info.rotation = m.captured(3).toLongLong();
        }
    }
    info.node = nodeFolder(parts);
    if (info.node.isEmpty() && info.cucmNode >= 0)
        info.node = QStringLiteral("node %1").arg(info.cucmNode);
    return info;
}

bool looksLikeTrace(QByteArrayView text)
{
    const QByteArrayView head = text.first(std::min(text.size(), sniffBytes));
    qsizetype pos = 0;
    while (pos < head.size()) {
        if (recordHeaderLength(head.sliced(pos)) > 0)
            return true;
        const qsizetype end = head.indexOf('\n', pos);
        if (end < 0)
            break;
        pos = end + 1;
    }
    return false;
}

bool looksBinary(QByteArrayView text)
{
    return text.first(std::min<qsizetype>(text.size(), 4096)).contains('\0');
}

bool looksLikeJabberLog(QByteArrayView text)
{
    // Date, time with a comma before the milliseconds, level, thread id: the client's record header.
    static const QRegularExpression header(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} +[A-Z]+ +\[0x[0-9A-Fa-f]+\] +\[)"));
    const QByteArrayView head = text.first(std::min(text.size(), sniffBytes));
    int lines = 0;
    for (qsizetype pos = 0; pos < head.size() && lines < 50; ++lines) {
        qsizetype end = head.indexOf('\n', pos);
        if (end < 0)
            end = head.size();
        const QByteArrayView line = head.sliced(pos, end - pos);
        if (line.size() > 24 && line[4] == '-' && line[19] == ',' &&
            header.match(QString::fromLatin1(line.first(std::min<qsizetype>(line.size(), 80)))).hasMatch())
            return true;
        pos = end + 1;
    }
    return false;
}

QString jabberLogSkipReason()
{
    return QStringLiteral("skipped: a Jabber client log (the client's side of the login), not a CUCM trace");
}

QString skippedByName(const QString &path)
{
    if (path.endsWith(QLatin1String(".zip.enc"), Qt::CaseInsensitive))
        return QStringLiteral("skipped: an encrypted Jabber problem report; decrypt it with CiscoJabberPrtDecrypter "
                              "(--privatekey KEY.pem --encryptedfile FILE.zip.enc --encryptionkey FILE.zip.esk "
                              "--outputfile decrypted.zip) and open decrypted.zip");
    if (path.endsWith(QLatin1String(".zip.esk"), Qt::CaseInsensitive))
        return QStringLiteral("skipped: the key of an encrypted Jabber problem report (used to decrypt its .zip.enc)");
    return {};
}

QString skippedTextReason(QByteArrayView text)
{
    if (looksLikeJabberLog(text))
        return jabberLogSkipReason();
    return QStringLiteral("skipped: no SDL trace record near the start");
}

namespace {

qsizetype quotePrefixLength(QByteArrayView line)
{
    qsizetype n = 0;
    while (n < line.size() && (line[n] == ' ' || line[n] == '\t' || line[n] == '>'))
        ++n;
    return n;
}

} // namespace

QByteArray unquotedTrace(const QByteArray &text)
{
    // The prefix: the shortest run before a record header, which every such run must begin with.
    QByteArrayView prefix;
    bool found = false;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = QByteArrayView(text).sliced(start, end - start);
        const qsizetype run = quotePrefixLength(line);
        if (recordHeaderLength(line.sliced(run)) > 0) {
            const QByteArrayView candidate = line.first(run);
            if (!found || candidate.size() < prefix.size()) {
                if (found && !prefix.startsWith(candidate))
                    return text; // records quoted in different ways: left as they are
                prefix = candidate;
            } else if (!candidate.startsWith(prefix)) {
                return text;
            }
            found = true;
            if (prefix.isEmpty())
                return text; // a record starts its line: nothing to take off (a trace file read whole)
        }
        start = end + 1;
    }
    if (!found || prefix.isEmpty())
        return text;
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        end = end < 0 ? text.size() : end + 1;
        const QByteArrayView line = QByteArrayView(text).sliced(start, end - start);
        out += line.startsWith(prefix) ? line.sliced(prefix.size()) : line;
        start = end;
    }
    return out;
}

QDate firstRecordDate(const QDateTime &modified, qint64 lastTimeMs)
{
    if (!modified.isValid())
        return {};
    const qint64 modifiedMs = modified.time().msecsSinceStartOfDay();
    const qint64 lastTimeOfDay = lastTimeMs % msPerDay;
    // The last record was written on the mtime's day unless its time of day lies after the mtime:
    // then it was written the day before.
    qint64 lastDay = 0;
    if (lastTimeOfDay > modifiedMs + clockSlackMs)
        lastDay = -1;
    return modified.date().addDays(lastDay - lastTimeMs / msPerDay);
}

} // namespace CtiFlow
