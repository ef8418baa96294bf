// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace CtiFlow {

// "ctiflow export PATH... --session N | --user U [--format F] [--redact] -o FILE": writes one session's
// flow for a ticket. Needs a QGuiApplication (fonts); no display is used. Returns the exit status.
int runExport(const QStringList &arguments);

} // namespace CtiFlow
