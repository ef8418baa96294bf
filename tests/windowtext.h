// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QStringList>

namespace CtiFlow::WindowText {

// What the window's status bar says, its labels' texts a line each.
inline QString statusText(const MainWindow &window)
{
    QStringList texts;
    for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
        texts.append(label->text());
    return texts.join(u'\n');
}

} // namespace CtiFlow::WindowText
