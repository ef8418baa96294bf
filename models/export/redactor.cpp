// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redactor.h"

#include <algorithm>

namespace CtiFlow {

namespace {

// Where CUCM traces write a user id: ProviderOpenRequest login=, CtiProviderOpenReq LoginId=,
// CtiLoginCheckReq Login=, mUserId=, Userid =, AppLoginUserId=, "userid is", "LDAP userid is 'x'",
// the LDAP filter, "authenticated user:", the 14.x "for User ID :", sAMAccountName= and the RIS
// application id "<user>-<ip>-<port>".
const QRegularExpression &userPattern()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"((?:\blogin=|\bLoginId=|\bLogin=|\bmUserId=|\bUserid\s*=\s*|\bAppLoginUserId=|\buserid is\s+'?|)"
            R"(\bFilter = |authenticated user:\s*|\bUser ID\s*:\s*|sAMAccountName=|\buser name=\s*|)"
            R"(\bUser name=|\bappID:\s*|\bfor user\s+)([A-Za-z0-9._\\-]*?[A-Za-z0-9_])(?=[\s'),]|$|-\d))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &dnPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\b(CN|OU|DC)=([^,=()'\n]+?)(?=\s*(?:,|\)|'|$|\n)))"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &ipPattern()
{
    static const QRegularExpression re(QStringLiteral(R"((?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]))"));
    return re;
}

const QRegularExpression &accountPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b)"));
    return re;
}

// ldap://host:port and other fully qualified host names.
const QRegularExpression &hostPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"((?:(?<=://)[A-Za-z0-9.-]+(?=[:/\s)]|$)))"
                       R"(|\b(?:[A-Za-z0-9-]+\.)+(?:com|net|org|local|lan|corp|int|edu|gov|[a-z]{2})\b)"));
    return re;
}

// Cisco device names: SEP/ATA/CIPC + MAC, and Jabber soft clients CSF/BOT/TCT/TAB + name.
const QRegularExpression &devicePattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b(?:SEP|ATA|BAT)[0-9A-Fa-f]{12}\b|\b(?:CSF|BOT|TCT|TAB)[A-Za-z0-9_.-]{1,12}\b)"));
    return re;
}

} // namespace

Redactor::Redactor(bool enabled)
    : m_enabled(enabled)
{
    m_counters.fill(0, int(Kind::Count));
}

void Redactor::addUser(const QString &user)
{
    if (m_enabled && !user.isEmpty())
        placeholder(Kind::User, user);
}

void Redactor::addDevice(const QString &device)
{
    if (m_enabled && !device.isEmpty())
        placeholder(Kind::Device, device);
}

QString Redactor::placeholder(Kind kind, const QString &original)
{
    const auto it = m_placeholders.constFind(original);
    if (it != m_placeholders.cend())
        return *it;
    static const char *const prefixes[] = {"user", "person", "unit", "dc", "ip", "host", "device", "account"};
    const int n = ++m_counters[int(kind)];
    QString value = QLatin1String(prefixes[int(kind)]) + QLatin1Char('-') + QString::number(n);
    if (kind == Kind::Ip)
        value = QStringLiteral("192.0.2.") + QString::number(n % 255); // documentation range, RFC 5737
    m_placeholders.insert(original, value);
    return value;
}

void Redactor::collect(const QString &text)
{
    for (auto it = accountPattern().globalMatch(text); it.hasNext();)
        placeholder(Kind::Account, it.next().captured(0));
    for (auto it = userPattern().globalMatch(text); it.hasNext();) {
        const QString user = it.next().captured(1);
        if (!user.isEmpty() && !m_placeholders.contains(user))
            placeholder(Kind::User, user);
    }
    for (auto it = dnPattern().globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString type = match.captured(1).toUpper();
        const QString value = match.captured(2).trimmed();
        const Kind kind = type == QLatin1String("CN")   ? Kind::Person
                          : type == QLatin1String("OU") ? Kind::OrgUnit
                                                        : Kind::DomainComponent;
        if (!value.isEmpty())
            placeholder(kind, value);
    }
    for (auto it = ipPattern().globalMatch(text); it.hasNext();)
        placeholder(Kind::Ip, it.next().captured(0));
    for (auto it = devicePattern().globalMatch(text); it.hasNext();)
        placeholder(Kind::Device, it.next().captured(0));
    for (auto it = hostPattern().globalMatch(text); it.hasNext();) {
        const QString host = it.next().captured(0);
        if (!ipPattern().match(host).hasMatch() && !m_placeholders.contains(host))
            placeholder(Kind::Host, host);
    }
}

QString Redactor::replaceKnown(const QString &text) const
{
    // Longest originals first, so that "CN=Walter White" parts and "wwhite" inside longer values
    // are replaced consistently; whole-token matches only, so "ready" never loses its "re".
    QStringList originals = m_placeholders.keys();
    std::sort(originals.begin(), originals.end(),
              [](const QString &a, const QString &b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
    QString result = text;
    for (const QString &original : originals) {
        const QString replacement = m_placeholders.value(original);
        qsizetype from = 0;
        while ((from = result.indexOf(original, from)) >= 0) {
            const qsizetype end = from + original.size();
            const bool startOk = from == 0 || !result[from - 1].isLetterOrNumber();
            const bool endOk = end >= result.size() || !result[end].isLetterOrNumber();
            if (startOk && endOk) {
                result.replace(from, original.size(), replacement);
                from += replacement.size();
            } else {
                from = end;
            }
        }
    }
    return result;
}

QString Redactor::redact(const QString &text)
{
    if (!m_enabled)
        return text;
    collect(text);
    return replaceKnown(text);
}

} // namespace CtiFlow
