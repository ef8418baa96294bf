// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rules.h"
#include "session.h"
#include "tracestore.h"

#include <QList>

namespace CtiFlow {

// Reconstructs every CTI login session of a store and gives each its steps, outcome and cause.
// One pass over the records: signals are told apart by interned id, and only the text of records
// that belong to a CTI connection is read.
QList<Session> analyzeSessions(const TraceStore &store, const Rules &rules = builtinRules());

} // namespace CtiFlow
