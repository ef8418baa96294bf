// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emptybundle.h"
#include "tracestore.h"

#include <QTextStream>

namespace CtiFlow {

// When the inputs hold no CTI login: why, and what to collect instead, indented. With a prefix
// ("ctiflow analyze: ") the explanation's title comes first after it; without, the caller has said it.
inline void printWhyEmpty(QTextStream &err, const TraceStore &store, qsizetype sessionCount, const QString &prefix)
{
    const auto why = explainEmptyBundle(store, sessionCount);
    if (!why)
        return;
    if (!prefix.isEmpty())
        err << prefix << why->title << Qt::endl;
    for (const QString &line : why->details)
        err << QStringLiteral("  ") << line << Qt::endl;
    err << QStringLiteral("  ") << why->advice << Qt::endl;
}

} // namespace CtiFlow
