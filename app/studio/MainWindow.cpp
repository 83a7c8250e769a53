#include "MainWindow.h"

#include "BuildInfo.h"
#include "ClassBalanceChart.h"
#include "Errors.h"
#include "ProjectExplorerWidget.h"
#include "UserDataDirectory.h"
#include "data/FashionMnist.h"
#include "store/DemoProject.h"
#include "store/ProjectStore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>

namespace nad {
namespace {
constexpr int kMaxRecentProjects = 8;
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("NAD Studio"));
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_explorer = new ProjectExplorerWidget(splitter);
    m_explorer->setObjectName(QStringLiteral("projectExplorer"));
    m_tabs = new QTabWidget(splitter);
    m_classBalance = new ClassBalanceChart(m_tabs);
    m_tabs->addTab(m_classBalance, tr("Data set"));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({320, 900});
    setCentralWidget(splitter);

    m_projectLabel = new QLabel(tr("No project open"), this);
    m_deviceLabel = new QLabel(tr("CPU, %n thread(s)", nullptr, QThread::idealThreadCount()), this);
    statusBar()->addWidget(m_projectLabel, 1);
    statusBar()->addPermanentWidget(m_deviceLabel);

    connect(m_explorer, &ProjectExplorerWidget::datasetSelected, this, &MainWindow::showDataset);
    createMenus();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* demo = file->addAction(tr("Open &Demo Project"), this, [this] { openDemoProject(); });
    demo->setObjectName(QStringLiteral("openDemoAction"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseAndOpenProject);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About NAD Studio"), this, &MainWindow::showAbout);
    about->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QString MainWindow::projectPath() const
{
    return m_store ? QString::fromStdString(m_store->path()) : QString();
}

bool MainWindow::openProject(const QString& path)
{
    try {
        auto store = std::make_unique<ProjectStore>(ProjectStore::open(path.toStdString()));
        const ProjectInfo info = store->info();
        std::vector<ConceptRecord> concepts;
        for (const auto& dataset : info.datasets) {
            auto more = store->concepts(dataset.id);
            concepts.insert(concepts.end(), more.begin(), more.end());
        }
        m_store = std::move(store);
        m_explorer->setProject(info, concepts);
        setWindowTitle(tr("%1 — NAD Studio").arg(QFileInfo(path).fileName()));
        m_projectLabel->setText(tr("%1 · schema v%2 · %3 data set(s), %4 concept(s), %5 model(s), %6 run(s)")
                                    .arg(QDir::toNativeSeparators(path))
                                    .arg(info.schemaVersion)
                                    .arg(info.datasets.size())
                                    .arg(info.conceptCount)
                                    .arg(info.modelCount)
                                    .arg(info.runCount));
        if (!info.datasets.empty())
            showDataset(info.datasets.front().id);
        else
            m_classBalance->clear();
        rememberRecent(QFileInfo(path).absoluteFilePath());
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot open project"), QString::fromStdString(e.what()));
        return false;
    }
}

bool MainWindow::openDemoProject(const QString& projectPath, const QString& datasetDirectory)
{
    try {
        std::string path = projectPath.toStdString();
        if (path.empty()) {
            UserDataDirectory::ensure();
            path = UserDataDirectory::demoProjectPath();
        }
        const std::string data = datasetDirectory.isEmpty() ? std::string(FashionMnist::kDefaultDirectory)
                                                            : datasetDirectory.toStdString();
        QApplication::setOverrideCursor(Qt::WaitCursor);
        DemoProject::ensure(path, data);
        QApplication::restoreOverrideCursor();
        return openProject(QString::fromStdString(path));
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        showError(tr("Cannot open the demo project"), QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::showDataset(qint64 datasetId)
{
    if (!m_store)
        return;
    for (const auto& dataset : m_store->datasets()) {
        if (dataset.id != datasetId)
            continue;
        QStringList names;
        QVector<double> train, test;
        for (const auto& concept : m_store->concepts(datasetId)) {
            names << QString::fromStdString(concept.name);
            train << double(concept.trainCount);
            test << double(concept.testCount);
        }
        m_classBalance->setCounts(tr("Images per class — %1").arg(QString::fromStdString(dataset.name)),
                                  names, {tr("train"), tr("test")}, {train, test});
        m_tabs->setCurrentWidget(m_classBalance);
    }
}

void MainWindow::showError(const QString& title, const QString& message)
{
    // Window-modal and non-blocking: the event loop (and a running job) keeps going.
    auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    statusBar()->showMessage(message, 10000);
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentProjects)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentProjects"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openProject(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseAndOpenProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr("NAD projects (*.nad);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::showAbout()
{
    QString versions = QStringLiteral("<tr><td>Qt</td><td>%1</td></tr>").arg(QString::fromLatin1(qVersion()));
    for (const auto& [name, version] : BuildInfo::libraryVersions())
        versions += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                        .arg(QString::fromStdString(name), QString::fromStdString(version));
    QMessageBox::about(this, tr("About NAD Studio"),
                       tr("<h3>NAD Studio %1</h3><p>Concept feature paths of convolutional networks, "
                          "after <i>Architecture Disentanglement for Deep Neural Networks</i> "
                          "(Hu et al., ICCV 2021).</p><table>%2</table>")
                           .arg(QString::fromStdString(BuildInfo::version()), versions));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto* splitter = findChild<QSplitter*>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    event->accept();
}

} // namespace nad
