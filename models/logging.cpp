// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcTrace, "ctiflow.trace", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIngest, "ctiflow.ingest", QtWarningMsg)
Q_LOGGING_CATEGORY(lcFlow, "ctiflow.flow", QtWarningMsg)
