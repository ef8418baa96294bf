// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracestore.h"

#include <QByteArray>
#include <QString>

namespace CtiFlow {

// A canonical text dump of everything a store understood: problems, files (node, rotation, date)
// and every record with its parsed fields, one line each. Bytes outside printable ASCII are written
// as \xNN and line breaks as \n, so the dump is stable and diffable (golden-file tests, bug reports).
// pathPrefix is cut from the start of every path (a temporary folder in tests).
QByteArray dumpStore(const TraceStore &store, const QString &pathPrefix = {});

} // namespace CtiFlow
