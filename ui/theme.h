// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

namespace CtiFlow {

// Theme ids as stored in the settings.
inline QString themeSystem()
{
    return QStringLiteral("system");
}
inline QString themeLight()
{
    return QStringLiteral("light");
}
inline QString themeDark()
{
    return QStringLiteral("dark");
}

// The application palette for a theme; "system" is the palette the application started with. The
// diagram and the log's syntax colours follow whichever palette is active.
QPalette paletteForTheme(const QString &theme);

} // namespace CtiFlow
