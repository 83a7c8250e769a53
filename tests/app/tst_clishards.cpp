// `nad disentangle --shard I/N` on several "machines" (project copies) and `nad merge`: the
// merged run equals the unsharded one, path for path and metric for metric.
#include "CliProcess.h"
#include "TinyZoo.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using nadtest::haveFashionMnist;

namespace {

using Result = nadtest::CliResult;

Result runNad(const QStringList& arguments)
{
    return nadtest::runCli(arguments);
}

}  // namespace

class TestCliShards : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shardedDisentangleMergesToTheUnshardedRun()
    {
        if (!haveFashionMnist())
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        QTemporaryDir dir;
        QString why;
        const QString zoo = nadtest::tinyZoo(QStringLiteral(NAD_CLI_PATH), dir.filePath(QStringLiteral("zoo")), &why);
        QVERIFY2(!zoo.isEmpty(), qPrintable(why));
        const QString empty = dir.filePath(QStringLiteral("empty.nad"));
        QCOMPARE(runNad({QStringLiteral("project"), QStringLiteral("new"), empty, QStringLiteral("--dataset"),
                         QStringLiteral(NAD_FASHION_MNIST_DIR)})
                     .exitCode,
                 0);
        auto copyOfEmpty = [&](const QString& name) {
            const QString path = dir.filePath(name);
            [&] { QVERIFY(QFile::copy(empty, path)); }();
            return path;
        };
        // Five concepts, typed out of class order; two initializations. Shard 2 learns one
        // concept per pass, the unsharded run all five in one pass.
        const QStringList settings = {QStringLiteral("--model"),
                                      QStringLiteral("vgg-w4-s1"),
                                      QStringLiteral("--concepts"),
                                      QStringLiteral("Bag,Trouser,Coat,Sandal,Pullover"),
                                      QStringLiteral("--steps"),
                                      QStringLiteral("20"),
                                      QStringLiteral("--batch"),
                                      QStringLiteral("8"),
                                      QStringLiteral("--images-per-concept"),
                                      QStringLiteral("32"),
                                      QStringLiteral("--inits"),
                                      QStringLiteral("2"),
                                      QStringLiteral("--eval-images-per-concept"),
                                      QStringLiteral("50"),
                                      QStringLiteral("--zoo"),
                                      zoo};
        const QString whole = copyOfEmpty(QStringLiteral("whole.nad"));
        const Result single = runNad(QStringList{QStringLiteral("disentangle"), whole} + settings);
        QVERIFY2(single.exitCode == 0, qPrintable(single.err));
        QStringList shards;
        for (int i = 1; i <= 3; ++i) {
            shards << copyOfEmpty(QStringLiteral("shard%1.nad").arg(i));
            QStringList arguments = QStringList{QStringLiteral("disentangle"), shards.last()} + settings +
                                    QStringList{QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i)};
            if (i == 2)
                arguments << QStringLiteral("--concepts-per-pass") << QStringLiteral("1");
            const Result learned = runNad(arguments);
            QVERIFY2(learned.exitCode == 0, qPrintable(learned.err));
            QVERIFY2(learned.out.contains(QStringLiteral("Finished shard %1/3").arg(i)), qPrintable(learned.out));
            QVERIFY(!learned.out.contains(QStringLiteral("Interpretability I")));  // shards are not evaluated
        }
        // Round-robin in class order (Trouser 1, Pullover 2, Coat 4, Sandal 5, Bag 8): shard 1 has
        // Trouser and Sandal, shard 2 Pullover and Bag, shard 3 Coat.
        {
            const nad::ProjectStore project =
                nad::ProjectStore::open(shards[1].toStdString(), nad::ProjectStore::Mode::ReadOnly);
            const auto run = nad::RunStore(project).run(1);
            QVERIFY(run.has_value());
            QVERIFY2(QString::fromStdString(run->hyperparameters)
                         .contains(QStringLiteral("\"shard\":{\"concepts\":[\"Pullover\",\"Bag\"],\"count\":3,"
                                                  "\"eval_images_per_concept\":50,\"index\":2}")),
                     run->hyperparameters.c_str());
        }

        const QString merged = dir.filePath(QStringLiteral("merged.nad"));
        const Result merging =
            runNad({QStringLiteral("merge"), merged, shards[2], shards[0], shards[1], QStringLiteral("--zoo"), zoo});
        QVERIFY2(merging.exitCode == 0, qPrintable(merging.err));
        QVERIFY2(merging.out.contains(QStringLiteral("Merged 3 shard(s)")), qPrintable(merging.out));
        QVERIFY(merging.out.contains(QStringLiteral("Interpretability I")));

        // The same run: hyperparameters, every path bit for bit, every metric, the similarity.
        const nad::ProjectStore a = nad::ProjectStore::open(whole.toStdString(), nad::ProjectStore::Mode::ReadOnly);
        const nad::ProjectStore b = nad::ProjectStore::open(merged.toStdString(), nad::ProjectStore::Mode::ReadOnly);
        const nad::RunStore runsA(a), runsB(b);
        QCOMPARE(int(runsB.runs().size()), 1);
        const nad::RunRecord runA = runsA.runs().front(), runB = runsB.runs().front();
        QVERIFY(runB.status == nad::RunStatus::Finished);
        QCOMPARE(runB.hyperparameters, runA.hyperparameters);
        const auto pathsA = runsA.paths(runA.id, runA.datasetId, true);
        const auto pathsB = runsB.paths(runB.id, runB.datasetId, true);
        QCOMPARE(int(pathsA.size()), 5 * 2);
        QCOMPARE(pathsB.size(), pathsA.size());
        int sameLogits = 0;
        for (std::size_t p = 0; p < pathsA.size(); ++p) {
            QCOMPARE(pathsB[p].classIndex, pathsA[p].classIndex);
            QCOMPARE(pathsB[p].initialization, pathsA[p].initialization);
            QCOMPARE(pathsB[p].binary.size(), pathsA[p].binary.size());
            for (std::size_t block = 0; block < pathsA[p].binary.size(); ++block)
                QVERIFY2(pathsB[p].binary[block] == pathsA[p].binary[block],
                         qPrintable(QStringLiteral("class %1 init %2 block %3")
                                        .arg(pathsA[p].classIndex)
                                        .arg(pathsA[p].initialization)
                                        .arg(block)));
            sameLogits += pathsB[p].logits == pathsA[p].logits;
        }
        qInfo("soft mask logits bitwise equal for %d of %d paths", sameLogits, int(pathsA.size()));
        const auto metricsA = runsA.metrics(runA.id, runA.datasetId);
        const auto metricsB = runsB.metrics(runB.id, runB.datasetId);
        QVERIFY(metricsA.size() > 20);
        QCOMPARE(metricsB.size(), metricsA.size());
        for (std::size_t m = 0; m < metricsA.size(); ++m) {
            QCOMPARE(metricsB[m].name, metricsA[m].name);
            QCOMPARE(metricsB[m].classIndex, metricsA[m].classIndex);
            QCOMPARE(metricsB[m].initialization, metricsA[m].initialization);
            QCOMPARE(metricsB[m].block, metricsA[m].block);
            QVERIFY2(std::abs(metricsB[m].value - metricsA[m].value) <= 1e-9, metricsA[m].name.c_str());
        }
        QCOMPARE(runsB.history(runB.id, runB.datasetId).size(), runsA.history(runA.id, runA.datasetId).size());
        auto similarityOf = [](const QString& project) {
            const Result r = runNad({QStringLiteral("export"), project, QStringLiteral("--what"),
                                     QStringLiteral("similarity"), QStringLiteral("--format"), QStringLiteral("json")});
            return QJsonDocument::fromJson(r.out.toUtf8()).object();
        };
        const QJsonObject similarityA = similarityOf(whole), similarityB = similarityOf(merged);
        QCOMPARE(similarityB.value(QStringLiteral("concepts")), similarityA.value(QStringLiteral("concepts")));
        const QJsonArray rowsA = similarityA.value(QStringLiteral("similarity")).toArray();
        const QJsonArray rowsB = similarityB.value(QStringLiteral("similarity")).toArray();
        QCOMPARE(rowsA.size(), 5);
        QCOMPARE(rowsB.size(), 5);
        for (int r = 0; r < 5; ++r)
            for (int c = 0; c < 5; ++c)
                QVERIFY(std::abs(rowsB.at(r).toArray().at(c).toDouble() - rowsA.at(r).toArray().at(c).toDouble()) <=
                        1e-9);
        const Result exported =
            runNad({QStringLiteral("export"), merged, QStringLiteral("--what"), QStringLiteral("metrics")});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.contains(QStringLiteral("path_precision,Sandal,,,")));

        // The merged run's evaluation takes `--negatives-per-concept` as `nad disentangle` does.
        const QString sampled = dir.filePath(QStringLiteral("sampled.nad"));
        const Result sampling =
            runNad({QStringLiteral("merge"), sampled, shards[0], shards[1], shards[2], QStringLiteral("--zoo"), zoo,
                    QStringLiteral("--negatives-per-concept"), QStringLiteral("7")});
        QVERIFY2(sampling.exitCode == 0, qPrintable(sampling.err));
        const nad::ProjectStore c = nad::ProjectStore::open(sampled.toStdString(), nad::ProjectStore::Mode::ReadOnly);
        const nad::RunStore runsC(c);
        const nad::RunRecord runC = runsC.runs().front();
        double negatives = -1, negativesUnsampled = -1;
        for (const auto& metric : runsC.metrics(runC.id, runC.datasetId))
            if (metric.name == "negatives_per_concept")
                negatives = metric.value;
        for (const auto& metric : metricsB)
            if (metric.name == "negatives_per_concept")
                negativesUnsampled = metric.value;
        QCOMPARE(negatives, 7.0);
        QVERIFY(negativesUnsampled != 7.0);

        // Refusals: exit 1, the file and the field named, no OUT (nor its temporary) left.
        const QString other = copyOfEmpty(QStringLiteral("other.nad"));
        QStringList otherSettings = settings;
        otherSettings[otherSettings.indexOf(QStringLiteral("--steps")) + 1] = QStringLiteral("21");
        QCOMPARE(runNad(QStringList{QStringLiteral("disentangle"), other} + otherSettings +
                        QStringList{QStringLiteral("--shard"), QStringLiteral("1/3")})
                     .exitCode,
                 0);
        const QString unfinished = dir.filePath(QStringLiteral("unfinished.nad"));
        QVERIFY(QFile::copy(shards[2], unfinished));
        {
            const nad::ProjectStore project = nad::ProjectStore::open(unfinished.toStdString());
            nad::RunStore(project).setStatus(1, nad::RunStatus::Interrupted, "cancelled by the user");
        }
        struct Refusal
        {
            QStringList inputs;
            QString message;
        };
        const QList<Refusal> refusals = {
            {{shards[0], shards[1], other},
             QStringLiteral("differs from '%1' (shard 1/3) in hyperparameter 'steps': 21 vs 20").arg(shards[0])},
            {{shards[0], shards[1]}, QStringLiteral("shard 3/3 is missing")},
            {{shards[0], shards[1], shards[2], shards[0]}, QStringLiteral("are both shard 1/3")},
            {{shards[0], shards[1], unfinished}, QStringLiteral("'%1' (shard 3/3) is unfinished").arg(unfinished)},
            {{shards[0], whole}, QStringLiteral("'%1' holds no shard run").arg(whole)},
        };
        const QString refused = dir.filePath(QStringLiteral("refused.nad"));
        for (const auto& refusal : refusals) {
            const Result r = runNad(QStringList{QStringLiteral("merge"), refused} + refusal.inputs +
                                    QStringList{QStringLiteral("--zoo"), zoo});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(refusal.message), qPrintable(r.err));
            QVERIFY(!QFile::exists(refused));
        }
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("refused.nad*")}).size(), 0);
        // An existing OUT is never overwritten.
        QCOMPARE(
            runNad({QStringLiteral("merge"), merged, shards[0], shards[1], shards[2], QStringLiteral("--zoo"), zoo})
                .exitCode,
            1);
        // A bad shard is a usage error.
        QCOMPARE(runNad(QStringList{QStringLiteral("disentangle"), other} + settings +
                        QStringList{QStringLiteral("--shard"), QStringLiteral("4/3")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliShards)
#include "tst_clishards.moc"
