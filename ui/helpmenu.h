// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <utility>

class QMainWindow;
class QMenu;
class QWidget;

namespace CtiFlow {

// The Help menu: the keyboard shortcuts, what CTI Flow was built with, and Qt's own About box.
QMenu *addHelpMenu(QMainWindow *window);

// Keys and what they do: every action of the window that has a shortcut (read from the actions
// themselves, so that the list cannot fall behind them), then the keys that no action carries.
QList<std::pair<QString, QString>> shortcutList(const QWidget *window);

// The About box's text: version, purpose, licence and the libraries' versions.
QString aboutText();

} // namespace CtiFlow
