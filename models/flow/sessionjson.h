// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"
#include "tracestore.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace CtiFlow {

// "08:59:16.944" for a store time, "" when unknown.
QString timeOfDayText(qint64 ms);

// One session as in the flow contract's JSON (domain notes 9.4), with a few added fields.
QJsonObject sessionToJson(const TraceStore &store, const Session &session);

// The whole document `ctiflow analyze --json` prints: inputs (with records and problems) and sessions.
QJsonObject analysisToJson(const TraceStore &store, const QStringList &inputs, const QList<Session> &sessions);

// One line for the terminal: time, user, device, outcome, failing step, cause.
QString sessionLine(const Session &session);

} // namespace CtiFlow
