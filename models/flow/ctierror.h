// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace CtiFlow {

// CTI error codes are 32-bit values 0x8CCCxxxx, printed as hex (0x8ccc00d2), unsigned decimal
// (2362179794) or signed decimal (-1932787502) depending on the line.

// The first CTI error code in text, in any spelling, normalised.
std::optional<quint32> findCtiErrorCode(QByteArrayView text);
// One spelling: "0x8CCC00D2", "2362179794" or "-1932787502".
std::optional<quint32> parseCtiErrorCode(QByteArrayView text);

QString ctiErrorHex(quint32 code);      // "0x8CCC00D2"
QString ctiErrorUnsigned(quint32 code); // "2362179794"
QString ctiErrorSigned(quint32 code);   // "-1932787502"

} // namespace CtiFlow
