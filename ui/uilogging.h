// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// ctiflow.ui: the window, its views and settings; warnings on by default.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
