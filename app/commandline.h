// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace CtiFlow {

void setApplicationInfo();
bool isSubCommand(const char *argument);
void describeGuiCommandLine(QCommandLineParser &parser);
// Runs "ctiflow <command> ..."; arguments as QCoreApplication::arguments(). Returns the exit status.
int runSubCommand(const QStringList &arguments);

} // namespace CtiFlow
