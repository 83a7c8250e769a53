// The studio end to end on real data: the New Project wizard creates the demo project, a
// training of two concepts runs through the real worker (curves, stored paths, views), Cancel
// stops promptly, closing during training stops cleanly, every view tab renders, Save figure
// writes its file, and the zh_CN translation loads.
#include "ActivationBrowser.h"
#include "ConceptPanel.h"
#include "ExplorationTabs.h"
#include "FrontierPanel.h"
#include "ImportedModelFixture.h"
#include "MainWindow.h"
#include "NewProjectWizard.h"
#include "QCustomPlotInclude.h"
#include "RunOverviewView.h"
#include "TrainingController.h"
#include "TrainingPanel.h"
#include "UnitExplorerPresenter.h"
#include "UnitExplorerView.h"
#include "analysis/UnitExplorer.h"
#include "data/FashionMnist.h"
#include "figures/ActivationGridView.h"
#include "figures/FrontierView.h"
#include "figures/PathFlowView.h"
#include "figures/PlotFigureView.h"
#include "figures/PrecisionHistogramView.h"
#include "figures/TrainingCurvesView.h"
#include "figures/UnitProfileView.h"
#include "jobs/RunContext.h"
#include "jobs/RunSettings.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "store/Sha256.h"
#include "store/SqliteDatabase.h"
#include "zoo/ModelZoo.h"
#include "zoo/ReferenceZoo.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>
#include <time.h>

#include <set>

using namespace nad;

namespace {

// With NAD_SCREENSHOT_DIR set, saves `widget` there as `name`.png (to look at the dialogs).
void screenshot(QWidget& widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("NAD_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        widget.grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
}

bool haveFashionMnist()
{
    return FashionMnist::looksLikeIdxDirectory(NAD_FASHION_MNIST_DIR);
}

// Between the ticks of a 10 ms timer: the longest wall-clock gap, and the most CPU time the GUI
// thread itself spent in one gap. The CPU time is what a handler on the GUI thread costs; the
// wall gap also grows when other processes share the cores (CI runs two suites at once, each
// with torch threads), so it only gets a loose bound that still catches a handler waiting on
// the worker.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 cpu = threadCpuMicroseconds();
            if (m_clock.isValid()) {
                m_longest = std::max(m_longest, m_clock.elapsed());
                m_longestCpu = std::max(m_longestCpu, (cpu - m_lastCpu) / 1000);
            }
            m_clock.start();
            m_lastCpu = cpu;
        });
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }
    qint64 longestCpuMs() const { return m_longestCpu; }
    void stop() { m_timer.stop(); }

private:
    static qint64 threadCpuMicroseconds()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestCpu = 0;
};

void setSpin(QWidget& parent, const char* name, int value)
{
    auto* spin = parent.findChild<QSpinBox*>(QLatin1String(name));
    QVERIFY2(spin, name);
    spin->setValue(value);
}

}  // namespace

class TestStudioTraining : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_zoo;
    QString m_project;

    // A window on the test project with the tiny zoo model, two concepts checked.
    void prepare(MainWindow& window, int steps)
    {
        window.setZooDirectory(m_zoo);
        QVERIFY(window.openProject(m_project));
        window.trainingPanel()->selectModel(QStringLiteral("vgg-w4-s1"));
        QCOMPARE(window.trainingPanel()->modelName(), QStringLiteral("vgg-w4-s1"));
        QVERIFY(window.trainingPanel()->lambdaHint().isEmpty());  // a zoo family has its own λ
        window.conceptPanel()->setChecked({QStringLiteral("Trouser"), QStringLiteral("Bag")});
        setSpin(*window.trainingPanel(), "stepsSpin", steps);
        setSpin(*window.trainingPanel(), "imagesPerConceptSpin", 64);
        setSpin(*window.trainingPanel(), "evaluationImagesSpin", 30);
        setSpin(*window.trainingPanel(), "initializationsSpin", 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("nad-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_studiotraining"));
        QSettings().clear();
        if (!haveFashionMnist())
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        // A tiny zoo model (width 4, one epoch on 1,000 images) keeps the suite short.
        m_zoo = m_dir.filePath(QStringLiteral("zoo"));
        const ModelZoo zoo(m_zoo.toStdString());
        ImageSet train = FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Train);
        ImageSet test = FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Test);
        std::vector<std::size_t> trainPick, testPick;
        for (std::int64_t c = 0; c < 10; ++c) {
            const auto a = train.indicesOfClass(c);
            const auto b = test.indicesOfClass(c);
            trainPick.insert(trainPick.end(), a.begin(), a.begin() + 100);
            testPick.insert(testPick.end(), b.begin(), b.begin() + 50);
        }
        ZooTrainRequest request;
        request.family = "vgg";
        request.width = 4;
        request.training.epochs = 1;
        request.training.batchSize = 64;
        QVERIFY(zoo.trainOn(request, train.subset(trainPick), test.subset(testPick), NAD_FASHION_MNIST_DIR));
        QVERIFY(zoo.find("vgg-w4-s1"));
        m_project = m_dir.filePath(QStringLiteral("demo.nad"));
    }

    void wizardRefusesABadFolderThenCreatesTheDemoProject()
    {
        NewProjectWizard wizard(m_zoo);
        wizard.setProjectPath(m_project);
        wizard.setDatasetDirectory(m_dir.filePath(QStringLiteral("nowhere")));
        wizard.setDemoFamilies({QStringLiteral("vgg")});
        QSignalSpy created(&wizard, &NewProjectWizard::projectCreated);
        wizard.show();
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::ChoosePage));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::DemoPage));
        // A folder that is not Fashion-MNIST: the page says why and does not continue.
        wizard.next();
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::DemoPage));
        QLabel* problem = wizard.currentPage()->findChild<QLabel*>(QStringLiteral("problemLabel"));
        QVERIFY(problem && problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("nowhere")), qPrintable(problem->text()));
        screenshot(wizard, QStringLiteral("wizard-demo-refused"));
        QVERIFY(!QFile::exists(m_project));

        wizard.setDatasetDirectory(QStringLiteral(NAD_FASHION_MNIST_DIR));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::SetupPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 60000);
        const QString log = wizard.findChild<QPlainTextEdit*>(QStringLiteral("setupLog"))->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("Created the demo project")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("reusing vgg-w4-s1")), qPrintable(log));
        screenshot(wizard, QStringLiteral("wizard-setup-done"));
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.at(0).at(0).toString(), m_project);
        const ProjectStore store = ProjectStore::open(m_project.toStdString(), ProjectStore::Mode::ReadOnly);
        QCOMPARE(int(store.concepts(store.datasets().at(0).id).size()), 10);
    }

    // An empty zoo and the demo's epochs (1): the shipped model is installed, not trained.
    void wizardInstallsTheShippedZooModelIntoAnEmptyZoo()
    {
        QTemporaryDir dir;
        const QString zooDirectory = dir.filePath(QStringLiteral("zoo"));
        NewProjectWizard wizard(zooDirectory);
        wizard.setProjectPath(dir.filePath(QStringLiteral("demo.nad")));
        wizard.setDatasetDirectory(QStringLiteral(NAD_FASHION_MNIST_DIR));
        wizard.setDemoFamilies({QStringLiteral("darts")});
        wizard.show();
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::SetupPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 60000);
        const QString log = wizard.findChild<QPlainTextEdit*>(QStringLiteral("setupLog"))->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("installed darts-w8-s1, shipped with NAD Studio")), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("trained")), qPrintable(log));
        const auto installed = ModelZoo(zooDirectory.toStdString()).find("darts-w8-s1");
        QVERIFY(installed);
        const auto shipped = ModelZoo(ReferenceZoo::directory()).find("darts-w8-s1");
        QVERIFY(shipped);
        QCOMPARE(installed->sha256, shipped->sha256);
        QCOMPARE(Sha256::ofFile(installed->weightsPath), shipped->sha256);
    }

    void wizardImportsTheUsersModelAndTheStudioLearnsOnIt()
    {
        const QString python = nadtest::torchPython();
        if (python.isEmpty())
            QSKIP("Debian's python3-torch is not installed");
        QTemporaryDir dir;
        QVERIFY(nadtest::writeImportedModelFixture(python, QDir(dir.path())));
        const QString project = dir.filePath(QStringLiteral("mine.nad"));
        NewProjectWizard wizard(m_zoo);
        QSignalSpy created(&wizard, &NewProjectWizard::projectCreated);
        wizard.show();
        wizard.findChild<QRadioButton*>(QStringLiteral("importChoice"))->setChecked(true);
        wizard.setProjectPath(project);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::ImportPage));
        auto* combo = wizard.findChild<QComboBox*>(QStringLiteral("importPresetCombo"));
        combo->setCurrentIndex(combo->findData(QString()));  // a block spec file
        wizard.findChild<QLineEdit*>(QStringLiteral("specFileEdit"))
            ->setText(dir.filePath(QStringLiteral("spec.json")));
        wizard.findChild<QLineEdit*>(QStringLiteral("imageFolderEdit"))
            ->setText(dir.filePath(QStringLiteral("images")));
        // A model with five outputs for three classes: refused, with the reason, nothing written.
        wizard.findChild<QLineEdit*>(QStringLiteral("modelFileEdit"))
            ->setText(dir.filePath(QStringLiteral("tiny5.pt")));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::ImportPage));
        QLabel* problem = wizard.currentPage()->findChild<QLabel*>(QStringLiteral("problemLabel"));
        QVERIFY2(problem->isVisible() && problem->text().contains(QStringLiteral("outputs 5 classes")),
                 qPrintable(problem->text()));
        QVERIFY(!QFile::exists(project));
        screenshot(wizard, QStringLiteral("wizard-import-refused"));

        wizard.findChild<QLineEdit*>(QStringLiteral("modelFileEdit"))
            ->setText(dir.filePath(QStringLiteral("tiny3.pt")));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::SetupPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 30000);
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(created.count(), 1);

        // The studio offers the imported model and learns two concepts on it.
        MainWindow window;
        window.setZooDirectory(m_zoo);
        QVERIFY(window.openProject(project));
        window.trainingPanel()->selectModel(QStringLiteral("tiny3"));
        QCOMPARE(window.trainingPanel()->modelName(), QStringLiteral("tiny3"));
        // A block spec has no λ of its own: the panel says the default is a fallback and how to sweep.
        QVERIFY2(window.trainingPanel()->lambdaHint().contains(QStringLiteral("nad sweep --project")),
                 qPrintable(window.trainingPanel()->lambdaHint()));
        window.conceptPanel()->setChecked({QStringLiteral("ankle"), QStringLiteral("coat")});
        setSpin(*window.trainingPanel(), "stepsSpin", 5);
        setSpin(*window.trainingPanel(), "batchSpin", 4);
        QSignalSpy results(window.trainingJob(), &TrainingController::resultAvailable);
        QVERIFY(window.startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingJob()->isRunning(), 60000);
        QCOMPARE(results.count(), 1);
        QCOMPARE(results.at(0).at(0).value<TrainingOutcome>().pathsLearned, 6);  // 2 concepts × 3 initializations
        QCOMPARE(window.views()->runSelector()->count(), 1);
    }

    void trainingRunsOnTheWorkerAndStoresPaths()
    {
        MainWindow window;
        window.show();
        prepare(window, 40);
        QVERIFY(window.trainingPanel()->startButton()->isEnabled());
        StallMeter stalls;
        QSignalSpy snapshots(window.trainingJob(), &TrainingController::snapshot);
        QSignalSpy results(window.trainingJob(), &TrainingController::resultAvailable);
        // Measured while the worker learns (until its result arrives; the views' refresh after
        // it is a single redraw).
        connect(window.trainingJob(), &TrainingController::resultAvailable, &stalls, [&stalls] { stalls.stop(); });
        QVERIFY(window.startTraining());
        QVERIFY(window.trainingJob()->isRunning());
        QCOMPARE(window.conceptPanel()->status(window.conceptPanel()->concepts().at(1).id),
                 ConceptPanel::Status::Learning);
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingJob()->isRunning(), 120000);
        qInfo("longest event-loop stall during training: %lld ms wall, %lld ms of GUI-thread CPU; %d snapshots",
              stalls.longestMs(), stalls.longestCpuMs(), int(snapshots.count()));
        QCOMPARE(results.count(), 1);
        const auto outcome = results.at(0).at(0).value<TrainingOutcome>();
        QVERIFY(!outcome.cancelled);
        QCOMPARE(outcome.pathsLearned, 2);
        // Progress arrived coalesced (≤ 10 Hz, the last step always) and drew the curves.
        QVERIFY(snapshots.count() >= 2);
        QVERIFY(snapshots.count() <= 41);
        QCOMPARE(snapshots.last().at(0).value<TrainingSnapshot>().step, 40);
        QVERIFY(window.trainingPanel()->curvePointCount() >= 2);
        QVERIFY(window.views()->trainingCurves()->lossLines().at(0)->data()->size() >= 2);
        // The paths are in the project and the views show the new evaluated run.
        const ProjectStore store = ProjectStore::open(m_project.toStdString(), ProjectStore::Mode::ReadOnly);
        const RunStore runs(store);
        const auto run = runs.run(outcome.runId);
        QVERIFY(run);
        QVERIFY(run->status == nad::RunStatus::Finished);
        std::set<int> finalClasses;
        for (const auto& path : runs.paths(outcome.runId, run->datasetId, true))
            finalClasses.insert(path.classIndex);
        QCOMPARE(finalClasses, (std::set<int>{1, 8}));
        QCOMPARE(window.views()->selectedRun(), outcome.runId);
        const qint64 trouser = window.conceptPanel()->concepts().at(1).id;
        QCOMPARE(window.conceptPanel()->status(trouser), ConceptPanel::Status::Learned);
        QVERIFY(window.trainingPanel()->startButton()->isEnabled());
        // The event loop kept running: no handler on the GUI thread worked for long, none waited
        // long on the worker.
        QVERIFY2(stalls.longestCpuMs() < 100,
                 qPrintable(QStringLiteral("a handler used %1 ms of CPU").arg(stalls.longestCpuMs())));
        QVERIFY2(stalls.longestMs() < 1000,
                 qPrintable(QStringLiteral("event loop blocked for %1 ms").arg(stalls.longestMs())));
    }

    // The preset box's "Sparse and specific" runs the negative-aware objective with its own λ
    // (negatives drawn from the IDX training split) and the run records it.
    void specificObjectiveRunsFromTheStudio()
    {
        MainWindow window;
        window.show();
        prepare(window, 12);
        auto* preset = window.trainingPanel()->findChild<QComboBox*>(QStringLiteral("presetCombo"));
        QVERIFY(preset);
        preset->setCurrentIndex(preset->findData(QStringLiteral("specific")));
        const DisentangleRequest request = window.trainingPanel()->request();
        QVERIFY(request.options.usesSpecificObjective());
        LearnerOptions specific;
        specific.useSpecificObjective();
        QCOMPARE(request.options.negatives.margin, specific.negatives.margin);
        QCOMPARE(request.options.lambda, LearnerOptions::defaultLambda("vgg", specific));
        QVERIFY(request.options.lambda != LearnerOptions::defaultLambda("vgg", LearnerPreset::Paper));
        QSignalSpy results(window.trainingJob(), &TrainingController::resultAvailable);
        QSignalSpy snapshots(window.trainingJob(), &TrainingController::snapshot);
        QVERIFY(window.startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingJob()->isRunning(), 120000);
        QCOMPARE(results.count(), 1);
        const auto outcome = results.at(0).at(0).value<TrainingOutcome>();
        QCOMPARE(outcome.pathsLearned, 2);
        // The curves' L includes the terms on other concepts' images, reported per concept.
        QVERIFY(!snapshots.isEmpty());
        const auto last = snapshots.last().at(0).value<TrainingSnapshot>();
        QCOMPARE(last.negativeLoss.size(), 2);
        QVERIFY(last.negativeLoss.at(0) >= 0.0);
        const ProjectStore store = ProjectStore::open(m_project.toStdString(), ProjectStore::Mode::ReadOnly);
        const auto run = RunStore(store).run(outcome.runId);
        QVERIFY(run);
        QVERIFY(run->status == nad::RunStatus::Finished);
        QVERIFY(RunSettings::fromJson(run->hyperparameters).options.usesSpecificObjective());
    }

    void eachViewTabRendersAndSavesItsFigure()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        prepare(window, 40);
        ExplorationTabs* tabs = window.views();
        QVERIFY(tabs->runSelector()->count() >= 1);
        // The activation browser computes its maps on a worker: wait for them.
        QTRY_VERIFY_WITH_TIMEOUT(tabs->activations()->gridView()->rowCount() == 3, 30000);
        for (QWidget* page : tabs->viewPages()) {
            tabs->showView(page);
            if (static_cast<QObject*>(tabs->currentFigure()) == tabs->frontier()->view())
                continue;  // no sweep stored here: tst_frontierpanel draws one
            QCOMPARE(tabs->currentPage(), page);
            const QImage image = page->grab().toImage();
            QVERIFY(!image.isNull());
            std::set<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 8, qPrintable(tabs->viewTitle(page)));  // drew something, not a blank page
            QVERIFY2(tabs->currentFigure(), qPrintable(tabs->viewTitle(page)));
            // Every plot reads out what lies under the mouse somewhere on it, and none says
            // there is no run while it shows one (the across-models views kept that hint).
            if (auto* plot = qobject_cast<PlotFigureView*>(tabs->currentFigure())) {
                QVERIFY2(!plot->title().contains(QStringLiteral("No evaluated run")),
                         qPrintable(tabs->viewTitle(page)));
                plot->plot()->replot();
                bool readOut = false;
                for (int y = 0; y < plot->plot()->height() && !readOut; y += 3)
                    for (int x = 0; x < plot->plot()->width() && !readOut; x += 3)
                        readOut = !plot->hoverText(QPoint(x, y)).isEmpty();
                QVERIFY2(readOut, qPrintable(tabs->viewTitle(page)));
            }
        }
        tabs->showView(tabs->precision());
        const QString pdf = m_dir.filePath(QStringLiteral("precision.pdf"));
        QVERIFY(window.saveCurrentFigure(pdf));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("precision.csv"))));
        tabs->showView(tabs->activations());
        const QString png = m_dir.filePath(QStringLiteral("grid.png"));
        QVERIFY(window.saveCurrentFigure(png));
        QVERIFY(!QImage(png).isNull());
    }

    // Issue 17: the first screen, the view groups at 1280 px, the unit explorer (values equal to
    // the engine's, the event loop free while it computes) and the path flow.
    void firstScreenUnitExplorerAndPathFlow()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.setZooDirectory(m_zoo);
        QVERIFY(window.openProject(m_project));
        ExplorationTabs* tabs = window.views();
        const ProjectStore store = ProjectStore::open(m_project.toStdString(), ProjectStore::Mode::ReadOnly);
        qint64 latest = 0;
        for (const auto& [model, run] : RunStore(store).latestEvaluatedRuns())
            latest = std::max<qint64>(latest, run);
        QCOMPARE(tabs->selectedRun(), latest);
        QCOMPARE(tabs->currentPage(), tabs->viewPages().first());
        QVERIFY2(tabs->overview()->headline().startsWith(QStringLiteral("vgg-w4-s1, run %1: 2 concept").arg(latest)),
                 qPrintable(tabs->overview()->headline()));
        QVERIFY(!window.findChild<QDockWidget*>(QStringLiteral("trainingDock"))->isVisible());
        // No tab bar overflows: the groups' bars and the top one (beside the run selector) fit.
        QVERIFY(tabs->tabBar()->sizeHint().width() + tabs->cornerWidget()->sizeHint().width() <= tabs->width());
        for (auto* group : tabs->findChildren<QTabWidget*>(QRegularExpression(QStringLiteral("^viewGroup"))))
            QVERIFY2(group->tabBar()->sizeHint().width() <= tabs->width(), qPrintable(group->objectName()));
        // Every view: a View menu shortcut brings it, and its figure offers "Save figure…".
        const QList<QWidget*> pages = tabs->viewPages();
        for (int i = 0; i < pages.size(); ++i) {
            auto* action = window.findChild<QAction*>(QStringLiteral("viewAction%1").arg(i));
            QVERIFY(action);
            QVERIFY(!action->shortcut().isEmpty());
            action->trigger();
            QCOMPARE(tabs->currentPage(), pages[i]);
            QVERIFY(tabs->figureOf(pages[i]));
            QCOMPARE(tabs->figureOf(pages[i])->contextMenuPolicy(), Qt::CustomContextMenu);
        }

        // Unit explorer: block 7 (conv4_1, 32 units), unit 3.
        tabs->openUnitExplorer(7, 3);
        StallMeter stalls;
        QElapsedTimer clock;
        clock.start();
        UnitProfileView* profile = tabs->unitExplorer()->profileView();
        QTRY_VERIFY_WITH_TIMEOUT(profile->hasProfile() && profile->profile().block == 7, 60000);
        stalls.stop();
        qInfo("unit explorer: profile after %lld ms, longest event-loop stall %lld ms wall, %lld ms of GUI-thread CPU",
              clock.elapsed(), stalls.longestMs(), stalls.longestCpuMs());
        QVERIFY2(stalls.longestCpuMs() <= 50, qPrintable(QString::number(stalls.longestCpuMs())));
        QVERIFY2(stalls.longestMs() < 1000, qPrintable(QString::number(stalls.longestMs())));
        QCOMPARE(tabs->unitExplorer()->unitTable()->rowCount(), 32);
        const UnitProfile shown = profile->profile();
        QCOMPARE(shown.unit, std::size_t(3));
        RunContext context = RunContext::open(const_cast<ProjectStore&>(store), latest, m_zoo.toStdString());
        const auto network = context.loadNetwork();
        const BlockUnitStatistics engine =
            UnitExplorer::measureBlock(*network, *context.heldOutSource(), context.model.normalization, 7, 32);
        QCOMPARE(shown.topImageIndices, engine.topImagesOf(3, std::size_t(tabs->unitExplorer()->topCount())));
        QCOMPARE(shown.classMeans.size(), engine.classes.size());
        for (std::size_t c = 0; c < engine.classes.size(); ++c)
            QVERIFY(std::abs(shown.classMeans[c] - engine.classMean(3, c)) < 1e-5);

        // Path flow of the run's concepts, counted from the stored paths; a click opens the block.
        tabs->showView(tabs->pathFlow());
        QCOMPARE(tabs->pathFlowConcepts()->itemData(0).toStringList(),
                 (QStringList{QStringLiteral("Trouser"), QStringLiteral("Bag")}));
        const auto run = RunStore(store).run(latest);
        std::map<int, std::vector<std::vector<std::uint8_t>>> first;
        for (const auto& path : RunStore(store).paths(latest, run->datasetId, true))
            if (path.initialization == 0)
                first[path.classIndex] = path.binary;
        const auto flow = tabs->pathFlow()->flowPerBlock();
        QCOMPARE(flow.size(), int(first[1].size()));
        for (int b = 0; b < flow.size(); ++b) {
            int both = 0, one = 0;
            for (std::size_t u = 0; u < first[1][std::size_t(b)].size(); ++u) {
                const int kept = first[1][std::size_t(b)][u] + first[8][std::size_t(b)][u];
                both += kept == 2 ? 1 : 0;
                one += kept == 1 ? 1 : 0;
            }
            QCOMPARE(flow[b].all, both);
            QCOMPARE(flow[b].one, one);
        }
        // The selector offers all concepts and the primary concept "others" (Trouser, Bag); the
        // checked concepts only when they are a proper subset of at least two.
        window.conceptPanel()->setChecked({QStringLiteral("Trouser"), QStringLiteral("Bag")});
        QCOMPARE(tabs->pathFlowConcepts()->count(), 2);
        QCOMPARE(tabs->pathFlowConcepts()->itemText(1), QStringLiteral("others: Trouser, Bag"));
        Q_EMIT tabs->pathFlow()->blockClicked(2);
        QCOMPARE(tabs->currentPage(), pages[pages.indexOf(tabs->unitExplorer()->parentWidget())]);
        QCOMPARE(tabs->unitExplorer()->currentBlock(), 2);
        screenshot(window, QStringLiteral("studio-1280x800"));
    }

    void cancelStopsWithinOneSecondAndResumeContinues()
    {
        MainWindow window;
        window.show();
        prepare(window, 100000);
        QSignalSpy results(window.trainingJob(), &TrainingController::resultAvailable);
        QSignalSpy snapshots(window.trainingJob(), &TrainingController::snapshot);
        QVERIFY(window.startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 2, 60000);
        QElapsedTimer latency;
        latency.start();
        window.trainingPanel()->cancelButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingJob()->isRunning(), 10000);
        const qint64 ms = latency.elapsed();
        qInfo("cancel latency: %lld ms", ms);
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("cancel took %1 ms").arg(ms)));
        QCOMPARE(results.count(), 1);
        const auto outcome = results.at(0).at(0).value<TrainingOutcome>();
        QVERIFY(outcome.cancelled);
        // Resume is offered and continues the same run.
        QVERIFY(window.trainingPanel()->resumeButton()->isVisible());
        QVERIFY(window.trainingPanel()->resumeButton()->isEnabled());
        QVERIFY(window.resumeTraining());
        // The evaluation size is not a stored setting: resuming keeps the panel's (it once reset
        // it to "all", evaluating on every held-out image).
        QCOMPARE(window.trainingPanel()->findChild<QSpinBox*>(QStringLiteral("evaluationImagesSpin"))->value(), 30);
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 4, 60000);
        window.trainingJob()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!window.trainingJob()->isRunning(), 10000);
        QCOMPARE(results.count(), 2);
        const auto resumed = results.at(1).at(0).value<TrainingOutcome>();
        QVERIFY(resumed.resumed);
        QCOMPARE(resumed.runId, outcome.runId);
    }

    void closingDuringTrainingStopsCleanly()
    {
        auto* window = new MainWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<MainWindow> alive(window);
        window->show();
        prepare(*window, 100000);
        window->setConfirmClose(false);
        QSignalSpy snapshots(window->trainingJob(), &TrainingController::snapshot);
        QVERIFY(window->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 1, 60000);
        const qint64 runId =
            RunStore(ProjectStore::open(m_project.toStdString(), ProjectStore::Mode::ReadOnly)).runs().back().id;
        QVERIFY(!window->close());                        // asks the job to stop first
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), 10000);  // then closes (and is deleted)
        const ProjectStore store = ProjectStore::open(m_project.toStdString(), ProjectStore::Mode::ReadOnly);
        QVERIFY(RunStore(store).run(runId)->status == nad::RunStatus::Interrupted);
        QCOMPARE(store.database().queryText("PRAGMA integrity_check"), std::string("ok"));
    }

    void chineseTranslationLoads()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nad-studio"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        MainWindow window;
        const QString file = window.menuBar()->actions().at(0)->text();
        // The models' texts (presentation/) are translated too.
        const QString conceptHeader = window.conceptPanel()->tree()->model()->headerData(0, Qt::Horizontal).toString();
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(conceptHeader, QStringLiteral("概念"));
        QVERIFY2(file.contains(QStringLiteral("文件")), qPrintable(file));
        QVERIFY(!window.trainingPanel()->startButton()->text().contains(QStringLiteral("Start")));
    }
};

QTEST_MAIN(TestStudioTraining)
#include "tst_studiotraining.moc"
