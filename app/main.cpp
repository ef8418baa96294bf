// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "allocator.h"
#include "commandline.h"
#include "mainwindow.h"
#include "rules.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// True when the arguments ask only for text (--help, --help-all, --version) before any "--".
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        if (std::strcmp(argument, "--") == 0)
            return false;
        for (const char *option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argument, option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    CtiFlow::tuneAllocator();
    // Sub-commands run without a display: text ones get a QCoreApplication, drawing ones a
    // QGuiApplication on the offscreen platform.
    if (argc > 1 && CtiFlow::subCommandDraws(argv[1])) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
        // QGuiApplication takes X11 options such as -session out of argv; "export --session N" is ours.
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments.append(QString::fromLocal8Bit(argv[i]));
        QGuiApplication app(argc, argv);
        CtiFlow::setApplicationInfo();
        return CtiFlow::runSubCommand(arguments);
    }
    if (argc > 1 && CtiFlow::isSubCommand(argv[1])) {
        QCoreApplication app(argc, argv);
        CtiFlow::setApplicationInfo();
        return CtiFlow::runSubCommand(app.arguments());
    }

    // Help and version text must print without a display (a terminal over ssh, package tests), yet
    // --help-all should list the window system options, which only a QApplication knows.
    if (onlyPrints(argc, argv))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("minimal"));

    QApplication app(argc, argv);
    CtiFlow::setApplicationInfo();
    // Matches the installed desktop entry, so that docks and Wayland compositors show our icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.example.ctiflow"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/ctiflow/icons/ctiflow.svg")));

    QCommandLineParser parser;
    CtiFlow::describeGuiCommandLine(parser);
    parser.process(app);

    CtiFlow::MainWindow window;
    if (parser.isSet(QStringLiteral("rules"))) {
        CtiFlow::Problem problem;
        std::optional<CtiFlow::Rules> rules = CtiFlow::loadRules(parser.value(QStringLiteral("rules")), &problem);
        if (!rules) {
            std::fprintf(stderr, "ctiflow: rules refused: %s\n", qPrintable(problem.toString()));
            return 3;
        }
        window.applyRules(std::make_shared<const CtiFlow::Rules>(std::move(*rules)));
    }
    if (parser.isSet(QStringLiteral("select"))) {
        bool ok = false;
        const int number = parser.value(QStringLiteral("select")).toInt(&ok);
        if (!ok || number <= 0) {
            std::fprintf(stderr, "ctiflow: --select takes a session number, not \"%s\"\n",
                         qPrintable(parser.value(QStringLiteral("select"))));
            return 2;
        }
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = QObject::connect(&window, &CtiFlow::MainWindow::loadFinished, &window, [&window, number, once] {
            QObject::disconnect(*once);
            window.selectSessionNumber(number);
        });
    }
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openPaths(parser.positionalArguments());
    return app.exec();
}
