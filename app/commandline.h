// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace CtiFlow {

void setApplicationInfo();
bool isSubCommand(const char *argument);
// True for sub-commands that draw (fonts need a QGuiApplication; no display is used).
bool subCommandDraws(const char *argument);
void describeGuiCommandLine(QCommandLineParser &parser);
// Runs "ctiflow <command> ..."; arguments as QCoreApplication::arguments(). Returns the exit status.
int runSubCommand(const QStringList &arguments);

} // namespace CtiFlow
