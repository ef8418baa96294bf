// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>

namespace CtiFlow {

// A CTI error code that a Jabber client log reports ("reason: 0x8ccc0075"): what CUCM told the client.
struct ClientError
{
    quint32 code = 0;
    qint64 line = 0; // 1-based, of its first line
    int count = 0;   // lines of the log that report it
};

// The CTI error codes in a Jabber client log (any spelling), in order of first appearance.
QList<ClientError> clientErrors(QByteArrayView text);

} // namespace CtiFlow
