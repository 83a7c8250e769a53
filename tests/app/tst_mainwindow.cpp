#include "ClassBalanceChart.h"
#include "MainWindow.h"
#include "ProjectExplorerWidget.h"
#include "QCustomPlotInclude.h"
#include "TrainingPanel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace nad;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("nad-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void opensDemoProject()
    {
        if (!QFile::exists(QStringLiteral(NAD_FASHION_MNIST_DIR "/train-images-idx3-ubyte.gz")))
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.nad"));
        MainWindow window;
        window.show();
        QVERIFY(window.openDemoProject(path, QStringLiteral(NAD_FASHION_MNIST_DIR)));
        QCOMPARE(window.projectPath(), path);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("demo.nad")));
        // Explorer: the data set with its three primary concepts holding all ten classes.
        const QAbstractItemModel* explorer = window.explorer()->model();
        const QModelIndex dataset = explorer->index(0, 0, explorer->index(0, 0));
        QVERIFY(dataset.isValid());
        QCOMPARE(explorer->rowCount(dataset), 3);
        QVERIFY(explorer->index(0, 0, dataset).data().toString().startsWith(QStringLiteral("tops")));
        QVERIFY(explorer->index(1, 0, dataset).data().toString().startsWith(QStringLiteral("footwear")));
        int concepts = 0;
        for (int g = 0; g < explorer->rowCount(dataset); ++g)
            concepts += explorer->rowCount(explorer->index(g, 0, dataset));
        QCOMPARE(concepts, 10);
        // The class balance chart shows 6000 training images for every class.
        QCOMPARE(window.classBalanceChart()->bars().size(), 2);
        QCOMPARE(window.classBalanceChart()->bars()[0]->data()->at(9)->value, 6000.0);
        QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList().value(0),
                 QFileInfo(path).absoluteFilePath());
    }

    // The evaluation's negative sample and the training images' memory, as `nad disentangle
    // --negatives-per-concept / --memory` take them (-1 automatic, 0 all; 0 MiB automatic).
    void trainingPanelCarriesNegativesAndMemory()
    {
        TrainingPanel panel;
        QCOMPARE(panel.request().evaluationNegativesPerConcept, -1);
        QCOMPARE(panel.request().memoryBytes, std::size_t(0));
        auto* mode = panel.findChild<QComboBox*>(QStringLiteral("negativesModeCombo"));
        auto* count = panel.findChild<QSpinBox*>(QStringLiteral("negativesSpin"));
        auto* memory = panel.findChild<QSpinBox*>(QStringLiteral("memorySpin"));
        auto* decay = panel.findChild<QSpinBox*>(QStringLiteral("alphaDecaySpin"));
        QVERIFY(mode && count && memory && decay);
        QCOMPARE(panel.request().options.alphaDecaySteps, 0);  // the paper's constant α
        decay->setValue(150);
        QCOMPARE(panel.request().options.alphaDecaySteps, 150);
        // The specific preset brings its convergence rule (averaged paths); an epoch budget turns
        // the rule off and keeps the last step, so the request stays valid.
        auto* preset = panel.findChild<QComboBox*>(QStringLiteral("presetCombo"));
        auto* epochs = panel.findChild<QSpinBox*>(QStringLiteral("epochsSpin"));
        QVERIFY(preset && epochs);
        // The default objective is the specific one (README, "Which objective by default").
        QCOMPARE(preset->currentData().toString(), QStringLiteral("specific"));
        QVERIFY(panel.request().options.usesSpecificObjective());
        preset->setCurrentIndex(preset->findData(QStringLiteral("paper")));
        QVERIFY(!panel.request().options.usesSpecificObjective());
        preset->setCurrentIndex(preset->findData(QStringLiteral("specific")));
        QVERIFY(panel.request().options.averagedPaths);
        QCOMPARE(panel.request().options.convergenceWindow, 25);
        epochs->setValue(2);
        QVERIFY(!panel.request().options.averagedPaths);
        QCOMPARE(panel.request().options.convergenceWindow, 0);
        panel.request().options.validate();
        epochs->setValue(0);
        preset->setCurrentIndex(preset->findData(QStringLiteral("paper")));
        QVERIFY(!count->isEnabled());  // a count only for a sample
        mode->setCurrentIndex(mode->findData(1));
        QVERIFY(count->isEnabled());
        count->setValue(250);
        memory->setValue(2048);
        QCOMPARE(panel.request().evaluationNegativesPerConcept, 250);
        QCOMPARE(panel.request().memoryBytes, std::size_t(2048) << 20);
        mode->setCurrentIndex(mode->findData(0));
        QCOMPARE(panel.request().evaluationNegativesPerConcept, 0);
        QVERIFY(!count->isEnabled());

        // Resuming sets the form from a request: the three kinds of count come back.
        DisentangleRequest request = panel.request();
        request.evaluationNegativesPerConcept = 40;
        request.memoryBytes = std::size_t(512) << 20;
        request.options.alphaDecaySteps = 40;
        panel.setRequest(request);
        QCOMPARE(decay->value(), 40);
        QCOMPARE(mode->currentData().toInt(), 1);
        QCOMPARE(count->value(), 40);
        QCOMPARE(memory->value(), 512);
        request.evaluationNegativesPerConcept = -1;
        panel.setRequest(request);
        QCOMPARE(panel.request().evaluationNegativesPerConcept, -1);

        // With NAD_SCREENSHOT_DIR set, the form is saved there to be looked at.
        const QString folder = qEnvironmentVariable("NAD_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            mode->setCurrentIndex(mode->findData(1));
            panel.resize(460, 760);
            panel.grab().save(QDir(folder).filePath(QStringLiteral("training-panel.png")));
        }
        panel.setRunning(true);
        QVERIFY(!mode->isEnabled());
        QVERIFY(!decay->isEnabled());
        QVERIFY(!count->isEnabled());
        QVERIFY(!memory->isEnabled());
    }

    void badFileShowsErrorAndKeepsCurrentProject()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.nad"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("garbage");
        file.close();
        MainWindow window;
        window.show();
        QVERIFY(!window.openProject(bad));
        QVERIFY(window.projectPath().isEmpty());
        QMessageBox* box = window.findChild<QMessageBox*>(QStringLiteral("errorBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("not an SQLite database")));
        QCOMPARE(file.size(), qint64(7));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
