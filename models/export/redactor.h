// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace CtiFlow {

// Replaces personal and site data in exported text with stable placeholders: user ids, names in
// distinguished names, domain components, IP addresses, host names and device names. Within one
// Redactor the same original always becomes the same placeholder ("user-1", "device-2", ...), so an
// export still reads as a flow. A disabled Redactor returns text unchanged.
class Redactor
{
public:
    explicit Redactor(bool enabled = true);

    bool isEnabled() const { return m_enabled; }

    // Registers values known to be sensitive before the text passes (the session's login and devices).
    void addUser(const QString &user);
    void addDevice(const QString &device);

    QString redact(const QString &text);

    // The placeholder a value got, or an empty string; for tests and legends.
    QString placeholderFor(const QString &original) const { return m_placeholders.value(original); }

private:
    enum class Kind
    {
        User,
        Person,
        OrgUnit,
        DomainComponent,
        Ip,
        Host,
        Device,
        Account,
        Count
    };
    QString placeholder(Kind kind, const QString &original);
    void collect(const QString &text);
    QString replaceKnown(const QString &text) const;

    bool m_enabled;
    QHash<QString, QString> m_placeholders; // original -> placeholder
    QList<int> m_counters;                  // per Kind
};

} // namespace CtiFlow
