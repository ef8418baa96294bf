// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One category per subsystem; enable more with QT_LOGGING_RULES="ctiflow.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcTrace)  // ctiflow.trace: record parsing
Q_DECLARE_LOGGING_CATEGORY(lcIngest) // ctiflow.ingest: files, folders, archives
Q_DECLARE_LOGGING_CATEGORY(lcFlow)   // ctiflow.flow: sessions, rules, verdicts
