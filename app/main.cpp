// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstring>

int main(int argc, char *argv[])
{
    // Sub-commands run without a display, so they get a QCoreApplication.
    if (argc > 1 && CtiFlow::isSubCommand(argv[1])) {
        QCoreApplication app(argc, argv);
        CtiFlow::setApplicationInfo();
        return CtiFlow::runSubCommand(app.arguments());
    }

    QApplication app(argc, argv);
    CtiFlow::setApplicationInfo();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/ctiflow/icons/ctiflow.svg")));

    QCommandLineParser parser;
    CtiFlow::describeGuiCommandLine(parser);
    parser.process(app);

    CtiFlow::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openPaths(parser.positionalArguments());
    return app.exec();
}
