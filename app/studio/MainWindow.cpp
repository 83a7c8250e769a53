#include "MainWindow.h"

#include "ClassBalanceChart.h"
#include "ConceptPanel.h"
#include "ExplorationTabs.h"
#include "FigureSaver.h"
#include "HelpDialogs.h"
#include "NewProjectWizard.h"
#include "PreferencesDialog.h"
#include "ProjectExplorerWidget.h"
#include "ProjectFigures.h"
#include "QtText.h"
#include "RecentProjects.h"
#include "ResumableRun.h"
#include "RunOverviewView.h"
#include "TrainingController.h"
#include "TrainingPanel.h"
#include "UserDataDirectory.h"
#include "data/FashionMnist.h"
#include "figures/FigureExporter.h"
#include "figures/TrainingCurvesView.h"
#include "jobs/ModelSource.h"
#include "nn/ComputeDevice.h"
#include "store/DemoProject.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>

#include <cmath>
#include <optional>

namespace nad {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("NAD Studio"));
    setDockNestingEnabled(true);
    m_zooDirectory = qs(UserDataDirectory::zooDirectory());
    m_views = new ExplorationTabs(this);
    setCentralWidget(m_views);
    m_trainingJob = new TrainingController(this);
    createDocks();

    m_projectLabel = new QLabel(tr("No project open"), this);
    m_jobLabel = new QLabel(this);
    m_jobLabel->setObjectName(QStringLiteral("jobLabel"));
    m_jobProgress = new QProgressBar(this);
    m_jobProgress->setObjectName(QStringLiteral("jobProgress"));
    m_jobProgress->setRange(0, 1000);
    m_jobProgress->setMaximumWidth(180);
    m_jobProgress->setTextVisible(false);
    m_jobProgress->hide();
    QString device;
    try {
        ComputeDevice::configureProcess();
        device = qs(ComputeDevice::describe(ComputeDevice::choose()));
    } catch (const std::exception&) {
        device = tr("CPU");
    }
    m_deviceLabel = new QLabel(device, this);
    m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
    m_deviceLabel->setToolTip(tr("Where path learning runs (LibTorch %1)").arg(qs(ComputeDevice::libtorchVersion())));
    statusBar()->addWidget(m_projectLabel, 1);
    statusBar()->addPermanentWidget(m_jobLabel);
    statusBar()->addPermanentWidget(m_jobProgress);
    statusBar()->addPermanentWidget(m_deviceLabel);

    connect(m_explorer, &ProjectExplorerWidget::datasetSelected, this, &MainWindow::showDataset);
    connect(m_explorer, &ProjectExplorerWidget::runSelected, m_views, &ExplorationTabs::selectRun);
    connect(m_explorer, &ProjectExplorerWidget::modelSelected, this, [this](qint64 modelId) {
        if (m_store)
            if (const auto model = RunStore(*m_store).model(modelId))
                m_training->selectModel(qs(model->name));
    });
    connect(m_views, &ExplorationTabs::selectedRunChanged, this,
            [this](qint64, const QString& model) { m_training->selectModel(model); });
    connect(m_views, &ExplorationTabs::errorOccurred, this, &MainWindow::showError);
    connect(m_views, &ExplorationTabs::saveFigureRequested, this, &MainWindow::chooseAndSaveFigure);
    connect(m_views, &ExplorationTabs::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m, 5000); });
    connect(m_concepts, &ConceptPanel::checkedChanged, this, [this] {
        m_training->setCheckedConceptCount(int(m_concepts->checkedNames().size()));
        m_views->setCheckedConcepts(m_concepts->checkedNames());
    });
    connect(m_training, &TrainingPanel::startRequested, this, &MainWindow::startTraining);
    connect(m_training, &TrainingPanel::resumeRequested, this, &MainWindow::resumeTraining);
    connect(m_training, &TrainingPanel::cancelRequested, m_trainingJob, &BackgroundJob::cancel);
    connect(m_training, &TrainingPanel::modelChanged, this, &MainWindow::refreshConceptStatuses);
    connect(m_trainingJob, &TrainingController::snapshot, this, &MainWindow::onSnapshot);
    connect(m_trainingJob, &TrainingController::resultAvailable, this, &MainWindow::onTrainingResult);
    connect(m_trainingJob, &BackgroundJob::finished, this, &MainWindow::onTrainingEnded);
    connect(m_trainingJob, &BackgroundJob::failed, this, [this](const QString& message) {
        showError(tr("Path learning stopped"), message);
        m_training->showFinished(tr("Stopped: %1").arg(message));
        onTrainingEnded();
    });
    connect(m_trainingJob, &BackgroundJob::progressed, this,
            [this](double fraction, const QString&) { m_jobProgress->setValue(int(std::lround(1000 * fraction))); });
    createMenus();

    // First start: the whole available screen; later, where the user left the window.
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            setGeometry(screen->availableGeometry());
        else
            resize(1400, 900);
    }
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: the side panels take a fifth of the screen each, the views the rest.
        auto* explorerDock = findChild<QDockWidget*>(QStringLiteral("projectDock"));
        resizeDocks({explorerDock, m_trainingDock}, {std::max(280, width() / 5), std::max(320, width() / 4)},
                    Qt::Horizontal);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_explorer = new ProjectExplorerWidget(this);
    m_explorer->setObjectName(QStringLiteral("projectExplorer"));
    auto* explorerDock = new QDockWidget(tr("Project"), this);
    explorerDock->setObjectName(QStringLiteral("projectDock"));
    explorerDock->setWidget(m_explorer);
    addDockWidget(Qt::LeftDockWidgetArea, explorerDock);

    m_concepts = new ConceptPanel(this);
    m_concepts->setObjectName(QStringLiteral("conceptPanel"));
    auto* conceptDock = new QDockWidget(tr("Concepts"), this);
    conceptDock->setObjectName(QStringLiteral("conceptDock"));
    conceptDock->setWidget(m_concepts);
    addDockWidget(Qt::LeftDockWidgetArea, conceptDock);
    splitDockWidget(explorerDock, conceptDock, Qt::Vertical);

    m_training = new TrainingPanel(this);
    m_training->setObjectName(QStringLiteral("trainingPanel"));
    m_training->setCurvesView(m_views->trainingCurves());
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_training);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_trainingDock = new QDockWidget(tr("Training"), this);
    m_trainingDock->setObjectName(QStringLiteral("trainingDock"));
    m_trainingDock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, m_trainingDock);
    resizeDocks({explorerDock, m_trainingDock}, {300, 380}, Qt::Horizontal);
    resizeDocks({explorerDock, conceptDock}, {220, 480}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New Project…"), this, &MainWindow::showNewProjectWizard);
    create->setShortcut(QKeySequence::New);
    create->setObjectName(QStringLiteral("newProjectAction"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseAndOpenProject);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction* demo = file->addAction(tr("Open &Demo Project"), this, [this] { openDemoProject(); });
    demo->setObjectName(QStringLiteral("openDemoAction"));
    file->addSeparator();
    QAction* save = file->addAction(tr("&Save Figure As…"), this, [this] { chooseAndSaveFigure(); });
    save->setShortcut(QKeySequence::SaveAs);
    save->setObjectName(QStringLiteral("saveFigureAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcuts({QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    preferences->setMenuRole(QAction::PreferencesRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (auto* dock : findChildren<QDockWidget*>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_views->addViewActions(m_viewMenu);

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    m_startAction = training->addAction(tr("&Start"), this, &MainWindow::startTraining);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_cancelAction = training->addAction(tr("&Cancel"), m_trainingJob, &BackgroundJob::cancel);
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancelAction->setEnabled(false);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("NAD Studio &Help"), this, [this] { HelpDialogs::showHelp(this); });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About NAD Studio"), this, [this] { HelpDialogs::showAbout(this); })
        ->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::setZooDirectory(const QString& directory)
{
    m_zooDirectory = directory;
    refreshModels();
}

QString MainWindow::projectPath() const
{
    return m_store ? qs(m_store->path()) : QString();
}

ClassBalanceChart* MainWindow::classBalanceChart() const
{
    return m_views->classBalance();
}

bool MainWindow::openProject(const QString& path)
{
    if (m_trainingJob->isRunning()) {
        showError(tr("Cannot open another project"),
                  tr("A training is running on %1; cancel it first.").arg(projectPath()));
        return false;
    }
    try {
        auto store = std::make_unique<ProjectStore>(ProjectStore::open(path.toStdString()));
        m_store = std::move(store);
        reloadProject();
        // Exploring a project with results needs the room; one without any needs the training panel.
        m_trainingDock->setVisible(m_views->runSelector()->count() == 0);
        setWindowTitle(tr("%1 — NAD Studio").arg(QFileInfo(path).fileName()));
        RecentProjects::remember(QFileInfo(path).absoluteFilePath());
        rebuildRecentMenu();
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot open project"), qs(e.what()));
        return false;
    }
}

void MainWindow::reloadProject()
{
    const ProjectInfo info = m_store->info();
    std::vector<ConceptRecord> concepts;
    for (const auto& dataset : info.datasets) {
        auto more = m_store->concepts(dataset.id);
        concepts.insert(concepts.end(), more.begin(), more.end());
    }
    const RunStore runs(*m_store);
    m_explorer->setProject(info, concepts, runs.models(), runs.runs());
    m_projectLabel->setText(tr("%1 · %2 data set(s), %3 concept(s), %4 model(s), %5 run(s)")
                                .arg(QDir::toNativeSeparators(qs(m_store->path())))
                                .arg(info.datasets.size())
                                .arg(info.conceptCount)
                                .arg(info.modelCount)
                                .arg(info.runCount));
    // The concepts of the data set runs learn on (ModelSource's rule: the first, for zoo models).
    std::optional<DatasetRecord> learning;
    if (!info.datasets.empty())
        learning = ModelSource(*m_store, m_zooDirectory.toStdString()).learningDataset();
    QVector<ConceptPanel::ConceptEntry> entries;
    QStringList classNames;
    if (learning) {
        for (const auto& concept : m_store->concepts(learning->id)) {
            entries.push_back(
                {concept.id, qs(concept.name), qs(concept.primary), concept.primaryPosition, int(concept.trainCount)});
            if (classNames.size() <= concept.classIndex)
                classNames.resize(concept.classIndex + 1);
            classNames[concept.classIndex] = qs(concept.name);
        }
    }
    const QStringList checked = m_concepts->checkedNames();  // kept across a reload
    m_concepts->setConcepts(entries);
    m_concepts->setChecked(checked);
    m_classNames = classNames;
    m_training->setClassNames(classNames);
    m_training->setCheckedConceptCount(int(m_concepts->checkedNames().size()));
    if (learning)
        showDataset(learning->id);
    else
        m_views->classBalance()->clear();
    refreshModels();
    m_views->setProject(m_store.get(), m_zooDirectory);
    refreshResumable();
}

bool MainWindow::openDemoProject(const QString& projectPath, const QString& datasetDirectory)
{
    try {
        std::string path = projectPath.toStdString();
        if (path.empty()) {
            UserDataDirectory::ensure();
            path = UserDataDirectory::demoProjectPath();
        }
        const std::string data =
            datasetDirectory.isEmpty() ? std::string(FashionMnist::kDefaultDirectory) : datasetDirectory.toStdString();
        DemoProject::ensure(path, data);
        return openProject(qs(path));
    } catch (const std::exception& e) {
        showError(tr("Cannot open the demo project"), qs(e.what()));
        return false;
    }
}

void MainWindow::refreshModels()
{
    QVector<ModelChoice> models;
    if (!m_store) {
        m_training->setModels(models);
        return;
    }
    try {
        // ModelSource's rule: models imported into the project, then the zoo models when the
        // project learns on Fashion-MNIST.
        for (const auto& model : ModelSource(*m_store, m_zooDirectory.toStdString()).available()) {
            const QString description =
                model.imported()
                    ? tr("imported: %1").arg(qs(model.record.path))
                    : tr("zoo model, %1 % test accuracy").arg(100.0 * model.record.testAccuracy, 0, 'f', 2);
            models.push_back({qs(model.name), qs(model.lambdaFamily()), description});
        }
    } catch (const std::exception& e) {
        showError(tr("Cannot list the models"), qs(e.what()));
    }
    m_training->setModels(models);
    refreshConceptStatuses();
}

void MainWindow::refreshConceptStatuses()
{
    m_concepts->clearStatuses();
    if (!m_store)
        return;
    try {
        RunStore runs(*m_store);
        const auto model = runs.model(m_training->modelName().toStdString());
        if (!model)
            return;
        const auto evaluated = runs.latestEvaluatedRuns();
        const auto it = evaluated.find(model->id);
        if (it == evaluated.end())
            return;
        ProjectFigures::fillConcepts(*m_concepts, RunEvaluation::load(*m_store, it->second));
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("Cannot read the concepts' status: %1").arg(qs(e.what())), 10000);
    }
}

void MainWindow::refreshResumable()
{
    const auto resumable = m_store ? ResumableRun::latest(*m_store) : std::nullopt;
    m_training->setResumable(resumable ? resumable->description : QString());
}

bool MainWindow::startTraining()
{
    if (!m_store || m_trainingJob->isRunning())
        return false;
    DisentangleRequest request = m_training->request();
    for (const QString& name : m_concepts->checkedNames())
        request.concepts.push_back(name.toStdString());
    if (request.concepts.empty()) {
        showError(tr("No concept checked"), tr("Check at least one concept in the concept panel."));
        return false;
    }
    return launchTraining(request);
}

bool MainWindow::resumeTraining()
{
    if (!m_store || m_trainingJob->isRunning())
        return false;
    const auto resumable = ResumableRun::latest(*m_store);
    if (!resumable)
        return false;
    DisentangleRequest request = resumable->request;
    // A run's stored settings are what it learns with; how many held-out images evaluate it and
    // the memory for training images are not among them (the CLI, too, takes them anew on each
    // resume): keep the panel's choices.
    const DisentangleRequest panel = m_training->request();
    request.evaluationImagesPerConcept = panel.evaluationImagesPerConcept;
    request.evaluationNegativesPerConcept = panel.evaluationNegativesPerConcept;
    request.memoryBytes = panel.memoryBytes;
    m_training->setRequest(request);
    QStringList names;
    for (const auto& name : request.concepts)
        names << qs(name);
    m_concepts->setChecked(names);
    return launchTraining(request);
}

bool MainWindow::launchTraining(const DisentangleRequest& given)
{
    DisentangleRequest request = given;
    request.projectPath = m_store->path();
    request.zooDirectory = m_zooDirectory.toStdString();
    try {
        request.options.validate();
    } catch (const std::exception& e) {
        showError(tr("Cannot start learning"), qs(e.what()));
        return false;
    }
    m_training->clearProgress();
    m_training->setRunning(true);
    m_views->setLiveTraining(true);
    m_views->showView(m_views->trainingCurves());
    m_trainingDock->show();  // back while a run learns
    m_views->trainingCurves()->setTitle(
        tr("Learning %n path(s) on %1", nullptr, int(request.concepts.size())).arg(qs(request.modelName)));
    for (const auto& name : request.concepts)
        m_concepts->setStatus(qs(name), ConceptPanel::Status::Learning);
    m_startAction->setEnabled(false);
    m_cancelAction->setEnabled(true);
    m_jobProgress->setValue(0);
    m_jobProgress->show();
    m_jobLabel->setText(tr("Learning paths…"));
    m_lastPass = -1;
    return m_trainingJob->start(request);
}

void MainWindow::onSnapshot(const TrainingSnapshot& snapshot)
{
    m_training->showSnapshot(snapshot);
    // A pass that reached its last step has stored its paths: they are learned (not evaluated).
    if (snapshot.step == snapshot.steps && snapshot.steps > 0)
        for (const qint64 cls : snapshot.classIndices)
            if (cls >= 0 && cls < m_classNames.size())
                m_concepts->setStatus(m_classNames[int(cls)], ConceptPanel::Status::Learned);
}

void MainWindow::onTrainingResult(const TrainingOutcome& outcome)
{
    if (outcome.cancelled) {
        m_training->showFinished(
            tr("Cancelled after %1 s; %n path(s) finished. Resume continues run %2.", nullptr, outcome.pathsLearned)
                .arg(outcome.seconds, 0, 'f', 1)
                .arg(outcome.runId));
    } else {
        const QString finished =
            tr("Run %1 finished in %2 s: %n path(s) learned and evaluated.", nullptr, outcome.pathsLearned)
                .arg(outcome.runId)
                .arg(outcome.seconds, 0, 'f', 1);
        m_training->showFinished(finished);
        statusBar()->showMessage(finished, 15000);  // the training panel steps aside for the results
    }
    m_views->setLiveTraining(false);
    reloadProject();
    if (!outcome.cancelled) {
        m_views->selectRun(outcome.runId);
        m_views->showView(m_views->overview());
    }
    // The panel keeps a cancelled run's Resume; a finished one's results are in the views.
    m_trainingDock->setVisible(outcome.cancelled);
}

void MainWindow::onTrainingEnded()
{
    m_training->setRunning(false);
    m_views->setLiveTraining(false);
    m_startAction->setEnabled(true);
    m_cancelAction->setEnabled(false);
    m_jobProgress->hide();
    m_jobLabel->clear();
    if (m_store)
        refreshResumable();
    if (m_closeWhenStopped)
        close();
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
            names << qs(concept.name);
            train << double(concept.trainCount);
            test << double(concept.testCount);
        }
        m_views->classBalance()->setCounts(tr("Images per class — %1").arg(qs(dataset.name)), names,
                                           {tr("train"), tr("test")}, {train, test});
        m_views->showView(m_views->classBalance());
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

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = RecentProjects::list();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openProject(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseAndOpenProject()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr("NAD projects (*.nad);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::saveCurrentFigure(const QString& filePath)
{
    FigureView* figure = m_views->currentFigure();
    if (!figure) {
        showError(tr("Nothing to save"), tr("The current tab has no figure."));
        return false;
    }
    const QStringList written = FigureSaver::save(this, *figure, filePath, m_store.get());
    if (!written.isEmpty())
        statusBar()->showMessage(tr("Saved %1").arg(written.join(QStringLiteral(", "))), 10000);
    return !written.isEmpty();
}

void MainWindow::chooseAndSaveFigure(FigureView* figure)
{
    if (!figure)
        figure = m_views->currentFigure();
    if (!figure) {
        showError(tr("Nothing to save"), tr("The current tab has no figure."));
        return;
    }
    const QStringList written = FigureSaver::chooseAndSave(this, *figure, m_store.get());
    if (!written.isEmpty())
        statusBar()->showMessage(tr("Saved %1").arg(written.join(QStringLiteral(", "))), 10000);
}

void MainWindow::showNewProjectWizard()
{
    auto* wizard = new NewProjectWizard(m_zooDirectory, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &NewProjectWizard::projectCreated, this, [this](const QString& path) { openProject(path); });
    wizard->open();
}

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_trainingJob->isRunning()) {
        if (m_confirmClose && !m_closeWhenStopped) {
            const auto answer =
                QMessageBox::question(this, tr("Training is running"),
                                      tr("Stop the training and quit? The paths learned so far stay in the project; "
                                         "Resume continues the run later."),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                event->ignore();
                return;
            }
        }
        // Stop cleanly: the job returns within a step, writes its checkpoint, then we close.
        m_closeWhenStopped = true;
        m_trainingJob->cancel();
        m_jobLabel->setText(tr("Stopping…"));
        event->ignore();
        return;
    }
    saveWindowState();
    event->accept();
}

}  // namespace nad
