// nad-studio — the desktop application.
#include "BuildInfo.h"
#include "ExplorationTabs.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

// Language: the "language" setting when set (Preferences), else the system locale.
void installTranslators(QApplication& app)
{
    const QString override = nad::PreferencesDialog::language();
    const QLocale locale = override.isEmpty() ? QLocale::system() : QLocale(override);
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("nad-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("nad-studio"));
    QApplication::setApplicationName(QStringLiteral("nad-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("NAD Studio"));
    QApplication::setApplicationVersion(QString::fromStdString(nad::BuildInfo::version()));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/nad-studio.svg")));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "NAD Studio: concept feature paths of CNNs"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project file to open (.nad)"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open (and create if needed) the Fashion-MNIST demo project"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QApplication::translate("main", "Fashion-MNIST folder for --demo"),
                                  QStringLiteral("dir"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), QApplication::translate("main", "Save a PNG of the window once shown, then quit"),
        QStringLiteral("file"));
    const QCommandLineOption screenshotTabs(
        QStringLiteral("screenshot-tabs"),
        QApplication::translate("main",
                                "Save a PNG of the window with each view tab in front into a folder, then quit"),
        QStringLiteral("dir"));
    parser.addOptions({demo, data, screenshot, screenshotTabs});
    parser.process(app);

    nad::MainWindow window;
    window.show();
    bool ok = true;
    if (parser.isSet(demo))
        ok = window.openDemoProject(QString(), parser.value(data));
    else if (!parser.positionalArguments().isEmpty())
        ok = window.openProject(parser.positionalArguments().constFirst());

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(500, &window, [&window, file, ok] {
            const bool saved = window.grab().save(file);
            std::fprintf(stderr, "%s\n",
                         qPrintable(saved ? QStringLiteral("screenshot saved: ") + file
                                          : QStringLiteral("cannot save screenshot: ") + file));
            QApplication::exit(saved && ok ? 0 : 1);
        });
    }
    if (parser.isSet(screenshotTabs)) {
        // One view after another, each given time to draw (the activation maps compute on a worker).
        const QString folder = parser.value(screenshotTabs);
        QDir().mkpath(folder);
        auto next = std::make_shared<std::function<void(int)>>();
        *next = [&window, folder, next, ok](int view) {
            nad::ExplorationTabs* tabs = window.views();
            const QList<QWidget*> pages = tabs->viewPages();
            if (view >= pages.size()) {
                QApplication::exit(ok ? 0 : 1);
                return;
            }
            tabs->showView(pages[view]);
            QTimer::singleShot(1500, &window, [&window, folder, next, view, tabs, pages] {
                QString title = tabs->viewTitle(pages[view]).toLower().remove(QLatin1Char('&'));
                title.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
                const QString name =
                    QStringLiteral("%1/%2-%3.png").arg(folder).arg(view + 1, 2, 10, QLatin1Char('0')).arg(title);
                const bool saved = window.grab().save(name);
                std::fprintf(stderr, "%s %s\n",
                             saved ? "screenshot saved:" : "cannot save screenshot:", qPrintable(name));
                (*next)(view + 1);
            });
        };
        QTimer::singleShot(500, &window, [next] { (*next)(0); });
    }
    return app.exec();
}
