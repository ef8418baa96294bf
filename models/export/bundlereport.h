// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include <QList>
#include <QString>

namespace CtiFlow {

class Redactor;
class TraceStore;

// A Markdown report of many logins for a ticket: how many succeeded and failed over which minutes and
// nodes, the failures grouped by cause (how many logins, which users, when) with what went wrong, what
// to change and one login of each as an example with its evidence line, the notes on steps, then every
// login in a table.
// Every text goes through the redactor; users and devices of all sessions are known to it first.
QString bundleReport(const QList<Session> &sessions, const TraceStore *store, Redactor &redactor);

// Writes bundleReport() to path atomically. False with a reason in error when it cannot be written.
bool writeBundleReport(const QString &path, const QList<Session> &sessions, const TraceStore *store, bool redact,
                       QString *error);

} // namespace CtiFlow
