// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceloader.h"

#include <QFile>
#include <QStringList>

#include <cstdio>

namespace CtiFlow {

// The name records read from standard input carry in messages and record locations.
inline QString standardInputName()
{
    return QStringLiteral("standard input");
}

// A path "-" stands for the trace on standard input ("xclip -o | ctiflow analyze -"): read once,
// whole, and handed to the loader as text in memory; the "-" leaves the paths.
inline void takeStandardInput(QStringList &paths, LoadOptions &options)
{
    if (!paths.contains(QStringLiteral("-")))
        return;
    paths.removeAll(QStringLiteral("-"));
    QFile in;
    if (in.open(stdin, QIODevice::ReadOnly))
        options.texts.append({standardInputName(), in.readAll()});
}

} // namespace CtiFlow
