// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "ctiflow.ui", QtWarningMsg)
