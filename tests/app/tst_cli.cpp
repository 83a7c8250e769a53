// Drives the real `nad` executable: exit codes, stdout/stderr, files left untouched.
#include "CliProcess.h"
#include "ImportedModelFixture.h"
#include "TinyZoo.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

namespace {

using nadtest::haveFashionMnist;
using Result = nadtest::CliResult;

Result runNad(const QStringList& arguments)
{
    return nadtest::runCli(arguments);
}

QByteArray sha256(const QString& path)
{
    return nadtest::fileSha256(path);
}

}  // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelpExitZero()
    {
        const Result version = runNad({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("nad 0.")));
        QVERIFY(version.out.contains(QStringLiteral("SQLite")));
        const Result help = runNad({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("dataset")));
        QVERIFY(help.out.contains(QStringLiteral("project")));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("missing path") << QStringList{QStringLiteral("dataset"), QStringLiteral("inspect")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("project"), QStringLiteral("info"),
                                                       QStringLiteral("x.nad"), QStringLiteral("--bogus")};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const Result r = runNad(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(r.out.isEmpty());
    }

    void inspectsRealFashionMnist()
    {
        if (!haveFashionMnist())
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        const Result r =
            runNad({QStringLiteral("dataset"), QStringLiteral("inspect"), QStringLiteral(NAD_FASHION_MNIST_DIR)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("all 28x28")));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("9\\s+Ankle boot\\s+6000\\s+1000\\s+footwear"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("total\\s+60000\\s+10000"))));
        QVERIFY(r.out.contains(QStringLiteral("tops: T-shirt/top, Pullover, Coat, Shirt, Dress")));

        const Result json = runNad({QStringLiteral("dataset"), QStringLiteral("inspect"),
                                    QStringLiteral(NAD_FASHION_MNIST_DIR), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(
            object.value(QStringLiteral("splits")).toArray().at(1).toObject().value(QStringLiteral("total")).toInt(),
            10000);
    }

    void runtimeErrorsExitOneWithMessage()
    {
        const Result r =
            runNad({QStringLiteral("dataset"), QStringLiteral("inspect"), QStringLiteral("/nonexistent/data")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("'/nonexistent/data' does not exist")));
    }

    void projectNewAndInfo()
    {
        if (!haveFashionMnist())
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.nad"));
        const Result created = runNad({QStringLiteral("project"), QStringLiteral("new"), path,
                                       QStringLiteral("--dataset"), QStringLiteral(NAD_FASHION_MNIST_DIR)});
        QCOMPARE(created.exitCode, 0);
        QVERIFY(created.out.contains(QStringLiteral("10 concepts")));
        const Result info = runNad({QStringLiteral("project"), QStringLiteral("info"), path});
        QCOMPARE(info.exitCode, 0);
        QVERIFY(info.out.contains(QStringLiteral("schema v5")));
        QVERIFY(info.out.contains(QStringLiteral("Data set 'fashion-mnist'")));
        QVERIFY(info.out.contains(QRegularExpression(QStringLiteral("8\\s+Bag\\s+others\\s+6000\\s+1000"))));

        // A second `new` on the same path refuses and leaves the file as it was.
        const QByteArray before = sha256(path);
        const Result again = runNad({QStringLiteral("project"), QStringLiteral("new"), path});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("already exists")));
        QCOMPARE(sha256(path), before);
    }

    void projectNewWithBadDatasetLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.nad"));
        const Result r = runNad({QStringLiteral("project"), QStringLiteral("new"), path, QStringLiteral("--dataset"),
                                 dir.filePath(QStringLiteral("missing"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(path));
    }

    void infoRefusesNonProjectsUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.nad"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my notes, not a database\n");
        file.close();
        const QByteArray before = sha256(path);
        const Result r = runNad({QStringLiteral("project"), QStringLiteral("info"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("not an SQLite database")));
        QCOMPARE(sha256(path), before);
    }

    void zooListAndUsageErrors()
    {
        QTemporaryDir dir;
        const Result empty =
            runNad({QStringLiteral("zoo"), QStringLiteral("list"), QStringLiteral("--zoo"), dir.path()});
        QCOMPARE(empty.exitCode, 0);
        QVERIFY(empty.out.contains(QStringLiteral("is empty")));
        QCOMPARE(runNad({QStringLiteral("zoo"), QStringLiteral("train"), QStringLiteral("--arch"),
                         QStringLiteral("alexnet")})
                     .exitCode,
                 2);
        QCOMPARE(runNad({QStringLiteral("model"), QStringLiteral("inspect"), QStringLiteral("x.pt")}).exitCode, 2);
        const Result notModel =
            runNad({QStringLiteral("model"), QStringLiteral("inspect"), QStringLiteral(NAD_CLI_PATH),
                    QStringLiteral("--preset"), QStringLiteral("vgg16")});
        QCOMPARE(notModel.exitCode, 1);
        QVERIFY(notModel.err.contains(QStringLiteral("is not a TorchScript model")));
    }

    void zooTrainingCancelsCleanlyOnSignal()
    {
        if (!haveFashionMnist())
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        QTemporaryDir dir;
        const QString zoo = dir.filePath(QStringLiteral("zoo"));
        QProcess process;
        process.start(QStringLiteral(NAD_CLI_PATH),
                      {QStringLiteral("zoo"), QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("vgg"),
                       QStringLiteral("--zoo"), zoo});
        QVERIFY(process.waitForStarted());
        // Wait until training runs (the progress lines), then ask it to stop as Ctrl-C would.
        // (QTRY re-evaluates its condition, so collect the output rather than consume it.)
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("ETA"), 60000);
        process.terminate();  // SIGTERM, handled like SIGINT
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(QDir(zoo).entryList(QDir::Files).isEmpty());
    }

    void disentangleEvaluateExportEndToEnd()
    {
        if (!haveFashionMnist())
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.nad"));
        // The tiny zoo model (width 4, one epoch) keeps this test short; the engine is the same.
        QString why;
        const QString zoo = nadtest::tinyZoo(QStringLiteral(NAD_CLI_PATH), dir.filePath(QStringLiteral("zoo")), &why);
        QVERIFY2(!zoo.isEmpty(), qPrintable(why));
        const Result listed = runNad({QStringLiteral("zoo"), QStringLiteral("list"), QStringLiteral("--zoo"), zoo});
        QVERIFY2(listed.out.contains(QStringLiteral("vgg-w4-s1")), qPrintable(listed.out));
        QCOMPARE(runNad({QStringLiteral("project"), QStringLiteral("new"), project, QStringLiteral("--dataset"),
                         QStringLiteral(NAD_FASHION_MNIST_DIR)})
                     .exitCode,
                 0);
        const QStringList learn = {QStringLiteral("disentangle"), project,
                                   QStringLiteral("--model"),     QStringLiteral("vgg-w4-s1"),
                                   QStringLiteral("--concepts"),  QStringLiteral("Trouser,Bag"),
                                   QStringLiteral("--steps"),     QStringLiteral("40"),
                                   QStringLiteral("--inits"),     QStringLiteral("1"),
                                   QStringLiteral("--zoo"),       zoo};
        const Result learned = runNad(learn);
        QCOMPARE(learned.exitCode, 0);
        QVERIFY(learned.out.contains(QStringLiteral("Finished run 1: 2 path(s)")));
        QVERIFY(learned.out.contains(QRegularExpression(QStringLiteral("Trouser\\s+\\d\\.\\d{3}"))));
        QVERIFY(learned.out.contains(QStringLiteral("Interpretability I")));
        // One initialization measures no stability: shown as "–" and said, never as 1.000 ± 0.
        QVERIFY(learned.out.contains(QRegularExpression(QStringLiteral("Bag(\\s+\\S+){7}\\s+–"))));
        QVERIFY(learned.out.contains(QStringLiteral("WARNING: one initialization")));
        QVERIFY(learned.out.contains(QStringLiteral("Knockout test (one initialization)")));

        const Result unknown =
            runNad({QStringLiteral("disentangle"), project, QStringLiteral("--model"), QStringLiteral("vgg-w4-s1"),
                    QStringLiteral("--concepts"), QStringLiteral("Scarf"), QStringLiteral("--zoo"), zoo});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown concept 'Scarf'")));

        const Result evaluated = runNad({QStringLiteral("evaluate"), project, QStringLiteral("--zoo"), zoo});
        QCOMPARE(evaluated.exitCode, 0);
        QVERIFY(evaluated.out.contains(QStringLiteral("Run 1 (vgg-w4-s1")));
        // The steps each path took (40: the budget, before convergence could be checked).
        QVERIFY2(evaluated.out.contains(QRegularExpression(QStringLiteral("Trouser(\\s+\\S+){8}\\s+40\\b"))),
                 qPrintable(evaluated.out));
        // A zoo family has its own λ: no fallback note.
        QVERIFY(!learned.out.contains(QStringLiteral("general fallback")));

        // λ is chosen on a validation split of the training images, never on the held-out split.
        const QStringList sweep = {QStringLiteral("sweep"),
                                   QStringLiteral("--model"),
                                   QStringLiteral("vgg-w4-s1"),
                                   QStringLiteral("--concepts"),
                                   QStringLiteral("Trouser,Bag"),
                                   QStringLiteral("--lambdas"),
                                   QStringLiteral("0.001,1000"),
                                   QStringLiteral("--steps"),
                                   QStringLiteral("10"),
                                   QStringLiteral("--images-per-concept"),
                                   QStringLiteral("32"),
                                   QStringLiteral("--validation-per-class"),
                                   QStringLiteral("20"),
                                   QStringLiteral("--zoo"),
                                   zoo};
        const Result swept = runNad(sweep);
        QVERIFY2(swept.exitCode == 0, qPrintable(swept.err));
        // The default objective is the specific one (README, "Which objective by default").
        QVERIFY2(swept.out.contains(QStringLiteral("relative-squared, block-mean, margin 8, one-vs-rest 3")),
                 qPrintable(swept.out));
        // The rest of this sweep's checks are on the paper's objective.
        const QStringList paperSweep = sweep + QStringList{QStringLiteral("--objective"), QStringLiteral("paper")};
        QVERIFY2(swept.out.contains(QStringLiteral("Measured on 200 validation images (a seeded split of the 60000 "
                                                   "training images")),
                 qPrintable(swept.out));
        // With --project the sweep (here of 2 initializations) is stored for the frontier figure;
        // the note says so on stderr, so the JSON stays parseable.
        const Result sweptJson =
            runNad(paperSweep + QStringList{QStringLiteral("--json"), QStringLiteral("--project"), project,
                                            QStringLiteral("--inits"), QStringLiteral("2")});
        QVERIFY2(sweptJson.exitCode == 0, qPrintable(sweptJson.err));
        QVERIFY2(sweptJson.err.contains(QStringLiteral("Stored as sweep 1 in ")), qPrintable(sweptJson.err));
        const QJsonArray points = QJsonDocument::fromJson(sweptJson.out.toUtf8()).array();
        QCOMPARE(points.size(), 2);
        QVERIFY(points.at(0).toObject().value(QStringLiteral("usage")).toDouble() >
                points.at(1).toObject().value(QStringLiteral("usage")).toDouble());
        QCOMPARE(points.at(0).toObject().value(QStringLiteral("steps")).toDouble(), 10.0);
        // The sweep takes the convergence rule's options as disentangle does: with a tolerance no
        // path can miss, every path stops at the second check (the first only takes a snapshot).
        QStringList convergeSweep = paperSweep;
        convergeSweep[convergeSweep.indexOf(QStringLiteral("--steps")) + 1] = QStringLiteral("30");
        convergeSweep << QStringLiteral("--json") << QStringLiteral("--converge-window") << QStringLiteral("5")
                      << QStringLiteral("--min-steps") << QStringLiteral("0") << QStringLiteral("--converge-tolerance")
                      << QStringLiteral("0.999");
        const Result converged = runNad(convergeSweep);
        QVERIFY2(converged.exitCode == 0, qPrintable(converged.err));
        const QJsonArray convergedPoints = QJsonDocument::fromJson(converged.out.toUtf8()).array();
        QCOMPARE(convergedPoints.size(), 2);
        for (const auto& point : convergedPoints)
            QCOMPARE(point.toObject().value(QStringLiteral("steps")).toDouble(), 10.0);
        // Two concepts: the knockout test ran on the paths.
        QCOMPARE(points.at(0).toObject().value(QStringLiteral("concepts")).toInt(), 2);
        QVERIFY(points.at(0).toObject().contains(QStringLiteral("knockout_own_drop")));
        const double auroc = points.at(0).toObject().value(QStringLiteral("original_auroc")).toDouble();
        QVERIFY2(auroc > 0.5 && auroc <= 1.0, qPrintable(QString::number(auroc)));

        // Paths: one row per concept, block and channel (VGG w4 has 4·(2+2·2+3·4+3·8+3·8) = 264 channels).
        const Result paths =
            runNad({QStringLiteral("export"), project, QStringLiteral("--what"), QStringLiteral("paths")});
        QCOMPARE(paths.exitCode, 0);
        const QStringList rows = paths.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 2 * 264);
        QCOMPARE(rows.first(), QStringLiteral("concept,initialization,block,block_name,channel,on"));
        const Result similarity =
            runNad({QStringLiteral("export"), project, QStringLiteral("--what"), QStringLiteral("similarity"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(similarity.exitCode, 0);
        const QJsonObject matrix = QJsonDocument::fromJson(similarity.out.toUtf8()).object();
        QCOMPARE(matrix.value(QStringLiteral("concepts")).toArray().at(1).toString(), QStringLiteral("Bag"));
        QCOMPARE(matrix.value(QStringLiteral("similarity")).toArray().at(0).toArray().at(0).toDouble(), 1.0);
        const Result metrics =
            runNad({QStringLiteral("export"), project, QStringLiteral("--what"), QStringLiteral("metrics")});
        QVERIFY(metrics.out.contains(QStringLiteral("path_precision,Trouser,,,")));

        // Figures, headless: Fig. 3, 4, 6, 7, the activation grid and the hit rate, each with CSV.
        const QString figures = dir.filePath(QStringLiteral("figures"));
        const Result drawn =
            runNad({QStringLiteral("figures"), project, QStringLiteral("--out"), figures, QStringLiteral("--zoo"), zoo,
                    QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("--layout"),
                    QStringLiteral("1x2"), QStringLiteral("--composites"), QStringLiteral("3")});
        QVERIFY2(drawn.exitCode == 0, qPrintable(drawn.err));
        QVERIFY2(drawn.out.contains(QStringLiteral("9 figures")), qPrintable(drawn.out + drawn.err));
        for (const char* name : {"vgg-w4-s1-frontier", "unit-usage", "interpretability-accuracy",
                                 "vgg-w4-s1-precision-histogram", "vgg-w4-s1-knockout", "vgg-w4-s1-training-curves",
                                 "vgg-w4-s1-similarity-heatmap", "vgg-w4-s1-activation-grid", "vgg-w4-s1-hit-rate"}) {
            QVERIFY2(QFileInfo(figures + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".svg")).size() > 1000,
                     name);
            QVERIFY2(QFileInfo(figures + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".csv")).size() > 10,
                     name);
        }
        const Result info =
            runNad({QStringLiteral("project"), QStringLiteral("info"), project, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(info.out.toUtf8()).object().value(QStringLiteral("exports")).toInt(), 9);
        // `nad export --what sweeps`: the stored sweep, one row per λ, in CSV and JSON.
        const Result sweepRows =
            runNad({QStringLiteral("export"), project, QStringLiteral("--what"), QStringLiteral("sweeps")});
        QCOMPARE(sweepRows.exitCode, 0);
        const QStringList exported = sweepRows.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(exported.size(), 3);
        QVERIFY2(exported[1].startsWith(QStringLiteral("1,vgg-w4-s1,paper,paper (Eq. 4-9),2,200,")),
                 qPrintable(exported[1]));
        const Result sweepJson = runNad({QStringLiteral("export"), project, QStringLiteral("--what"),
                                         QStringLiteral("sweeps"), QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject storedSweep = QJsonDocument::fromJson(sweepJson.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(storedSweep.value(QStringLiteral("concepts")).toArray().size(), 2);
        QCOMPARE(storedSweep.value(QStringLiteral("points")).toArray().size(), 2);
        QCOMPARE(
            storedSweep.value(QStringLiteral("settings")).toObject().value(QStringLiteral("initializations")).toInt(),
            2);
        // The frontier's data: the stored sweep's two λ, with the default and recommended flags.
        QFile frontierCsv(figures + QStringLiteral("/vgg-w4-s1-frontier.csv"));
        QVERIFY(frontierCsv.open(QIODevice::ReadOnly));
        const QStringList frontierRows =
            QString::fromUtf8(frontierCsv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(frontierRows.size(), 3);
        QVERIFY2(frontierRows[1].startsWith(QStringLiteral("paper,0.001,")), qPrintable(frontierRows[1]));
        // The knockout figure's data: both concepts, with the ranking test (AUROC) beside the causal one.
        QFile knockoutCsv(figures + QStringLiteral("/vgg-w4-s1-knockout.csv"));
        QVERIFY(knockoutCsv.open(QIODevice::ReadOnly));
        const QString knockoutRows = QString::fromUtf8(knockoutCsv.readAll());
        QVERIFY2(knockoutRows.startsWith(QStringLiteral("concept,own_units,own_drop")), qPrintable(knockoutRows));
        QVERIFY2(knockoutRows.contains(QStringLiteral("path_auroc,original_auroc\n\"Trouser\",")),
                 qPrintable(knockoutRows));
        // The activation grid's CSV says, per path and block, the share of units kept and whether
        // the path is the whole network there.
        QFile gridCsv(figures + QStringLiteral("/vgg-w4-s1-activation-grid.csv"));
        QVERIFY(gridCsv.open(QIODevice::ReadOnly));
        QVERIFY(gridCsv.readLine().trimmed().endsWith("hit_rate,kept_share,whole_network"));

        const Result grid =
            runNad({QStringLiteral("activations"), project, QStringLiteral("--concepts"), QStringLiteral("Bag,Trouser"),
                    QStringLiteral("--out"), figures, QStringLiteral("--zoo"), zoo, QStringLiteral("--format"),
                    QStringLiteral("png"), QStringLiteral("--size"), QStringLiteral("120mm"), QStringLiteral("--dpi"),
                    QStringLiteral("150")});
        QCOMPARE(grid.exitCode, 0);
        // The PNG header's width (bytes 16-19, big-endian): 120 mm at 150 dpi.
        QFile png(figures + QStringLiteral("/vgg-w4-s1-activations-Bag-Trouser.png"));
        QVERIFY(png.open(QIODevice::ReadOnly));
        const QByteArray header = png.read(24);
        QVERIFY(header.startsWith("\x89PNG"));
        const int width =
            (uchar(header[16]) << 24) | (uchar(header[17]) << 16) | (uchar(header[18]) << 8) | uchar(header[19]);
        QVERIFY2(std::abs(width - 709) <= 2, qPrintable(QString::number(width)));
        const Result hit = runNad({QStringLiteral("hitrate"), project, QStringLiteral("--zoo"), zoo,
                                   QStringLiteral("--layout"), QStringLiteral("1x2"), QStringLiteral("--composites"),
                                   QStringLiteral("4"), QStringLiteral("--json")});
        QCOMPARE(hit.exitCode, 0);
        const QJsonObject rates = QJsonDocument::fromJson(hit.out.toUtf8()).object();
        QCOMPARE(rates.value(QStringLiteral("blocks")).toArray().size(), 13);
        QCOMPARE(rates.value(QStringLiteral("chance")).toDouble(), 0.5);
        for (const auto v : rates.value(QStringLiteral("path_mean")).toArray())
            QVERIFY(v.toDouble() >= 0.0 && v.toDouble() <= 1.0);

        // A unit's profile, headless: measured over the held-out split once, then read from the
        // project's cache; its figure's CSV lists the top images by falling response.
        const QStringList unitArgs = {QStringLiteral("units"),    project,
                                      QStringLiteral("--block"),  QStringLiteral("conv4_1"),
                                      QStringLiteral("--unit"),   QStringLiteral("3"),
                                      QStringLiteral("--top"),    QStringLiteral("5"),
                                      QStringLiteral("--zoo"),    zoo,
                                      QStringLiteral("--out"),    figures,
                                      QStringLiteral("--format"), QStringLiteral("png"),
                                      QStringLiteral("--dpi"),    QStringLiteral("100")};
        const Result unit = runNad(unitArgs);
        QVERIFY2(unit.exitCode == 0, qPrintable(unit.err));
        QVERIFY2(unit.out.contains(QStringLiteral("conv4_1 · unit 3 of 32 (block 7), over 10000 held-out images\n")),
                 qPrintable(unit.out));
        QFile unitCsv(figures + QStringLiteral("/unit-conv4_1-3.csv"));
        QVERIFY(unitCsv.open(QIODevice::ReadOnly));
        const QStringList unitRows = QString::fromUtf8(unitCsv.readAll()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(unitRows.size(), 1 + 5 + 10);  // header, top images, every class of the held-out split
        double previous = std::numeric_limits<double>::infinity();
        for (int r = 1; r <= 5; ++r) {
            const double response = unitRows[r].section(QLatin1Char(','), 4, 4).toDouble();
            QVERIFY2(response <= previous, qPrintable(unitRows[r]));
            previous = response;
        }
        // Only Trouser and Bag have paths: their kept share is 0 or 1, the others' empty.
        QVERIFY(unitRows.filter(QRegularExpression(QStringLiteral("^concept,,,(Trouser|Bag),[^,]+,[01]$"))).size() ==
                2);
        QVERIFY(unitRows.filter(QRegularExpression(QStringLiteral("^concept,,,Sandal,[^,]+,$"))).size() == 1);
        QVERIFY(QFileInfo(figures + QStringLiteral("/unit-conv4_1-3.png")).size() > 1000);
        const Result cached = runNad(unitArgs);
        QVERIFY2(cached.out.contains(QStringLiteral("(from the project's cache)")), qPrintable(cached.out));
        const Result listed7 = runNad({QStringLiteral("units"), project, QStringLiteral("--block"), QStringLiteral("7"),
                                       QStringLiteral("--zoo"), zoo});
        QCOMPARE(listed7.exitCode, 0);
        QVERIFY(listed7.out.startsWith(QStringLiteral("conv4_1: units by how many concepts' paths keep them")));
        QCOMPARE(listed7.out.count(QLatin1Char('\n')), 2 + 32);
        const Result noBlock = runNad({QStringLiteral("units"), project, QStringLiteral("--block"),
                                       QStringLiteral("conv9"), QStringLiteral("--zoo"), zoo});
        QCOMPARE(noBlock.exitCode, 1);
        QVERIFY2(noBlock.err.contains(QStringLiteral("no block 'conv9': give an index 0–12")), qPrintable(noBlock.err));
        const Result noUnit = runNad({QStringLiteral("units"), project, QStringLiteral("--block"), QStringLiteral("7"),
                                      QStringLiteral("--unit"), QStringLiteral("32"), QStringLiteral("--zoo"), zoo});
        QCOMPARE(noUnit.exitCode, 1);
        QVERIFY2(noUnit.err.contains(QStringLiteral("block 'conv4_1' has 32 units (0–31), not 32")),
                 qPrintable(noUnit.err));

        // Bad requests: a clear message, exit 1, nothing written.
        const Result scarf =
            runNad({QStringLiteral("activations"), project, QStringLiteral("--concepts"), QStringLiteral("Scarf"),
                    QStringLiteral("--out"), figures, QStringLiteral("--zoo"), zoo});
        QCOMPARE(scarf.exitCode, 1);
        QVERIFY(scarf.err.contains(QStringLiteral("unknown concept 'Scarf'")));
        const Result threeTiles = runNad({QStringLiteral("hitrate"), project, QStringLiteral("--zoo"), zoo,
                                          QStringLiteral("--layout"), QStringLiteral("1x3")});
        QCOMPARE(threeTiles.exitCode, 1);
        QVERIFY(threeTiles.err.contains(QStringLiteral("distinct concepts")));
        const Result badSize = runNad({QStringLiteral("figures"), project, QStringLiteral("--out"), figures,
                                       QStringLiteral("--size"), QStringLiteral("huge")});
        QCOMPARE(badSize.exitCode, 1);
        QVERIFY(badSize.err.contains(QStringLiteral("size 'huge'")));
    }

    // Issue 8: three shards learned separately and merged equal one unsharded run bit for bit.
    void importedModelEndToEnd()
    {
        // The user's own TorchScript model (a tiny CNN exported by Debian's python3-torch) on
        // an ImageFolder: `project new --model --spec`, then `disentangle` and `evaluate`.
        const QString python = nadtest::torchPython();
        if (python.isEmpty())
            QSKIP("Debian's python3-torch is not installed");
        QTemporaryDir dir;
        QVERIFY(nadtest::writeImportedModelFixture(python, QDir(dir.path())));
        const QFile spec(dir.filePath(QStringLiteral("spec.json")));

        const QString project = dir.filePath(QStringLiteral("p.nad"));
        const QStringList create = {QStringLiteral("project"),
                                    QStringLiteral("new"),
                                    project,
                                    QStringLiteral("--dataset"),
                                    dir.filePath(QStringLiteral("images")),
                                    QStringLiteral("--model"),
                                    dir.filePath(QStringLiteral("tiny3.pt")),
                                    QStringLiteral("--spec"),
                                    spec.fileName()};
        const Result created = runNad(create);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(created.out.contains(QStringLiteral("Imported model 'tiny3'")));
        QVERIFY(created.out.contains(QStringLiteral("2 blocks, 3 classes, input 3x16x16")));

        // A model with other classes than the data set: exit 1, the reason, no file.
        const QString other = dir.filePath(QStringLiteral("q.nad"));
        const Result mismatch =
            runNad({QStringLiteral("project"), QStringLiteral("new"), other, QStringLiteral("--dataset"),
                    dir.filePath(QStringLiteral("images")), QStringLiteral("--model"),
                    dir.filePath(QStringLiteral("tiny5.pt")), QStringLiteral("--spec"), spec.fileName()});
        QCOMPARE(mismatch.exitCode, 1);
        QVERIFY2(mismatch.err.contains(QStringLiteral("outputs 5 classes")), qPrintable(mismatch.err));
        QVERIFY(!QFile::exists(other));
        // --preset and --spec together are a usage error.
        const Result both = runNad(create + QStringList{QStringLiteral("--preset"), QStringLiteral("vgg16")});
        QCOMPARE(both.exitCode, 2);

        const Result learned =
            runNad({QStringLiteral("disentangle"), project, QStringLiteral("--model"), QStringLiteral("tiny3"),
                    QStringLiteral("--concepts"), QStringLiteral("ankle,coat"), QStringLiteral("--steps"),
                    QStringLiteral("5"), QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--zoo"),
                    dir.filePath(QStringLiteral("zoo"))});
        QVERIFY2(learned.exitCode == 0, qPrintable(learned.err));
        // The default: 3 initializations of each concept, so stability is measured.
        QVERIFY(learned.out.contains(QStringLiteral("Finished run 1: 6 path(s)")));
        QVERIFY(learned.out.contains(QStringLiteral("Run 1 (tiny3, 3 initialization(s))")));
        QVERIFY(!learned.out.contains(QStringLiteral("WARNING: one initialization")));
        // A block spec has no λ of its own: the run says so and how to choose one.
        QVERIFY2(learned.out.contains(QStringLiteral("is a general fallback")), qPrintable(learned.out));
        QVERIFY(
            learned.out.contains(QStringLiteral("nad sweep --project ") + project + QStringLiteral(" --model tiny3")));
        // ... and the sweep runs on the project's own training images (4 per class: 2 to validate on).
        const Result swept = runNad(
            {QStringLiteral("sweep"), QStringLiteral("--project"), project, QStringLiteral("--model"),
             QStringLiteral("tiny3"), QStringLiteral("--concepts"), QStringLiteral("ankle,coat"),
             QStringLiteral("--lambdas"), QStringLiteral("0.01,100"), QStringLiteral("--steps"), QStringLiteral("5"),
             QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--images-per-concept"),
             QStringLiteral("2"), QStringLiteral("--validation-per-class"), QStringLiteral("2"),
             QStringLiteral("--zoo"), dir.filePath(QStringLiteral("zoo"))});
        QVERIFY2(swept.exitCode == 0, qPrintable(swept.err));
        QVERIFY2(swept.out.contains(QStringLiteral("Measured on 6 validation images (a seeded split of the 12")),
                 qPrintable(swept.out));
        const Result evaluated =
            runNad({QStringLiteral("evaluate"), project, QStringLiteral("--zoo"), dir.filePath(QStringLiteral("zoo"))});
        QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
        QVERIFY(evaluated.out.contains(QStringLiteral("Run 1 (tiny3")));
    }

    void demoCreatesProjectAndListsConcepts()
    {
        if (!haveFashionMnist())
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.nad"));
        const Result first =
            runNad({QStringLiteral("demo"), QStringLiteral("--project"), path, QStringLiteral("--project-only")});
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.contains(QStringLiteral("Demo project created")));
        QVERIFY(first.out.contains(QStringLiteral("10 concepts")));
        const Result second =
            runNad({QStringLiteral("demo"), QStringLiteral("--project"), path, QStringLiteral("--project-only")});
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.contains(QStringLiteral("Demo project opened")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
