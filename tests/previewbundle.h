// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A bundle of several trace files for the tests of showing sessions while a bundle loads: the
// generated cucm1 trace (12 sessions, 4 failed) once per CTI Manager node, each in an RTMT folder.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace CtiFlow::PreviewBundle {

inline const QString traceFile = QStringLiteral(CTIFLOW_TEST_DATA "/ui/cucm1/cm/trace/cti/sdl/SDL001_200_000028.txt");

// Writes nodes copies into dir; returns false when a copy fails.
inline bool write(const QTemporaryDir &dir, int nodes)
{
    for (int node = 1; node <= nodes; ++node) {
        const QString folder = dir.filePath(QStringLiteral("10.0.0.%1/cm/trace/cti/sdl").arg(node));
        if (!QDir().mkpath(folder) ||
            !QFile::copy(traceFile, folder + QStringLiteral("/SDL00%1_200_000028.txt").arg(node)))
            return false;
    }
    return true;
}

} // namespace CtiFlow::PreviewBundle
