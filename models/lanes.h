// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace CtiFlow {

// The swim lanes always shown, in this order; DeviceLineMgr and CallManager are added only when a
// session involves them.
inline QStringList standardLanes()
{
    return {QStringLiteral("Jabber"), QStringLiteral("CTIHandler"), QStringLiteral("Directory"), QStringLiteral("LDAP"),
            QStringLiteral("DbAccess")};
}

inline QStringList optionalLanes()
{
    return {QStringLiteral("DeviceLineMgr"), QStringLiteral("CallManager")};
}

} // namespace CtiFlow
