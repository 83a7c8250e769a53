// Paths › Frontier in the studio (issue 15): the empty state says how to store a sweep, a stored
// sweep is drawn with its marks, and "Sweep λ…" asks what to sweep, runs it on a worker, stores
// it and draws it. On the tiny zoo model (tests/app/TinyZoo.h) and a project of Debian's
// Fashion-MNIST made by `nad project new`.
#include "CliProcess.h"
#include "ExplorationTabs.h"
#include "FrontierPanel.h"
#include "MainWindow.h"
#include "QCustomPlotInclude.h"
#include "SweepController.h"
#include "SweepDialog.h"
#include "TinyZoo.h"
#include "figures/FrontierView.h"
#include "figures/PlotFigureView.h"
#include "store/ProjectStore.h"
#include "store/SweepStore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <set>
#include <tuple>

using namespace nad;

class TestFrontierPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_zoo;
    QString m_project;
    const QString m_model = QLatin1String(nadtest::kTinyZooModel);

    // A sweep of two λ as `nad sweep --project` stores one: dense and faithful, then sparse and
    // not specific.
    void storeSweep()
    {
        const ProjectStore store = ProjectStore::open(m_project.toStdString());
        SweepRecord sweep;
        sweep.modelName = m_model.toStdString();
        sweep.objective = "paper (Eq. 4-9)";
        sweep.label = "paper";
        sweep.concepts = {"Trouser", "Bag"};
        sweep.validationImages = 200;
        sweep.defaultLambda = 0.01;
        for (const auto& [lambda, usage, specificity] : {std::tuple{0.01, 0.97, 0.98}, std::tuple{0.1, 0.6, 0.4}}) {
            SweepPoint p;
            p.lambda = lambda;
            p.usage = usage;
            p.pathPrecision = p.originalPrecision = 0.9;
            p.pathSpecificity = specificity;
            p.originalSpecificity = 0.99;
            p.concepts = 2;
            p.judge();
            sweep.points.push_back(p);
        }
        SweepStore(store).save(sweep);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("nad-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_frontierpanel"));
        QSettings().clear();
        if (!nadtest::haveFashionMnist())
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        QString error;
        m_zoo = nadtest::tinyZoo(QStringLiteral(NAD_CLI_PATH), m_dir.filePath(QStringLiteral("zoo")), &error);
        QVERIFY2(!m_zoo.isEmpty(), qPrintable(error));
        m_project = m_dir.filePath(QStringLiteral("frontier.nad"));
        const auto made = nadtest::runCli({QStringLiteral("project"), QStringLiteral("new"), m_project,
                                           QStringLiteral("--dataset"), QStringLiteral(NAD_FASHION_MNIST_DIR)});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    }

    // Without a sweep the view says how to store one; with one, it draws it and names its marks.
    void storedSweepIsDrawn()
    {
        MainWindow window;
        window.show();
        window.setZooDirectory(m_zoo);
        QVERIFY(window.openProject(m_project));
        ExplorationTabs* tabs = window.views();
        QVERIFY2(tabs->frontier()->view()->note().contains(QStringLiteral("nad sweep --project")),
                 qPrintable(tabs->frontier()->view()->note()));
        storeSweep();
        tabs->refresh();
        QCOMPARE(tabs->frontier()->models()->currentText(), m_model);
        QCOMPARE(tabs->frontier()->view()->sweeps().size(), 1);
        QCOMPARE(tabs->frontier()->view()->markTexts(),
                 QStringList{QStringLiteral("paper: recommended λ 0.01, the default")});
        tabs->showView(tabs->frontier());
        auto* plot = qobject_cast<PlotFigureView*>(tabs->currentFigure());
        QVERIFY(plot);
        plot->plot()->replot();
        std::set<QRgb> colours;
        const QImage image = tabs->frontier()->grab().toImage();
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 8);  // drew something, not a blank page
        bool readOut = false;         // the hover read-out names what lies under the mouse somewhere
        for (int y = 0; y < plot->plot()->height() && !readOut; y += 3)
            for (int x = 0; x < plot->plot()->width() && !readOut; x += 3)
                readOut = !plot->hoverText(QPoint(x, y)).isEmpty();
        QVERIFY(readOut);
    }

    // "Sweep λ…" asks what to sweep, runs it in the background, stores it and draws it.
    void sweepFromTheFrontierView()
    {
        MainWindow window;
        window.show();
        window.setZooDirectory(m_zoo);
        QVERIFY(window.openProject(m_project));
        FrontierPanel* frontier = window.views()->frontier();
        QVERIFY(frontier->sweepButton()->isEnabled());
        const std::size_t before = SweepStore(ProjectStore::open(m_project.toStdString())).list().size();

        // The dialog starts with the concepts checked in the concept panel and the specific
        // objective's grid; it refuses fewer than two concepts and λ that are not numbers.
        SweepDialog dialog({m_model}, m_model,
                           {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Bag")},
                           {QStringLiteral("Trouser"), QStringLiteral("Bag")});
        QVERIFY(dialog.isValid());
        SweepRequest request = dialog.request();
        QCOMPARE(request.concepts, (std::vector<std::string>{"Trouser", "Bag"}));
        QVERIFY(request.learner.usesSpecificObjective());
        QCOMPARE(request.lambdas, (std::vector<double>{0.2, 0.4, 0.6, 0.8, 1.0, 1.2}));
        dialog.objective()->setCurrentIndex(1);  // the paper's objective brings its own grid
        QCOMPARE(dialog.request().lambdas, (std::vector<double>{0.005, 0.01, 0.02, 0.05, 0.1}));
        QVERIFY(!dialog.request().learner.usesSpecificObjective());
        dialog.lambdas()->setText(QStringLiteral("0.1, x"));
        QVERIFY(!dialog.isValid());
        QCOMPARE(SweepDialog::parseLambdas(QStringLiteral("0.2, 0.4 0.8")), (std::vector<double>{0.2, 0.4, 0.8}));
        QVERIFY(SweepDialog::parseLambdas(QStringLiteral("0.1,-1")).empty());
        dialog.lambdas()->setText(QStringLiteral("0.1"));
        dialog.concepts()->item(1)->setCheckState(Qt::Unchecked);
        QVERIFY(dialog.problem().contains(QStringLiteral("at least two concepts")));

        // A small sweep of the paper's objective: dense at λ 0.001, nothing left at 1000.
        request = dialog.request();
        request.concepts = {"Trouser", "Bag"};
        request.lambdas = {0.001, 1000};
        request.learner.steps = 10;
        request.images.perConcept = 16;
        request.images.validationPerClass = 10;
        QSignalSpy stored(frontier->sweepJob(), &SweepController::sweepStored);
        QSignalSpy progress(frontier->sweepJob(), &BackgroundJob::progressed);
        QVERIFY(frontier->startSweep(request));
        QCOMPARE(frontier->sweepButton()->text(), QStringLiteral("Cancel sweep"));
        QVERIFY(!frontier->startSweep(request));  // one at a time
        QTRY_VERIFY_WITH_TIMEOUT(!frontier->sweepJob()->isRunning(), 120000);
        QCOMPARE(stored.count(), 1);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(frontier->sweepButton()->text(), QStringLiteral("Sweep λ…"));
        const auto sweeps = SweepStore(ProjectStore::open(m_project.toStdString())).list(m_model.toStdString());
        QCOMPARE(sweeps.size(), before + 1);
        QCOMPARE(sweeps.back().label, std::string("paper"));
        QCOMPARE(sweeps.back().concepts, (std::vector<std::string>{"Trouser", "Bag"}));
        QCOMPARE(sweeps.back().validationImages, std::size_t(100));
        QVERIFY(sweeps.back().points[0].usage > sweeps.back().points[1].usage);
        // The view shows the model's sweeps, the new one last.
        QCOMPARE(frontier->models()->currentText(), m_model);
        QCOMPARE(frontier->view()->sweeps().size(), int(sweeps.size()));
        QCOMPARE(frontier->view()->sweeps().last().points.size(), 2);
    }
};

QTEST_MAIN(TestFrontierPanel)
#include "tst_frontierpanel.moc"
