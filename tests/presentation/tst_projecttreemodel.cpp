#include "ProjectTreeModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QtTest>

#include <functional>

using namespace nad;

namespace {

enum Section { DataSets = 0, Models = 1, Runs = 2 };

ProjectInfo info()
{
    ProjectInfo i;
    i.datasets = {{5, "toy", "imagefolder", "/d", 3, 32, 32, 30, 6}};
    i.conceptCount = 4;
    i.modelCount = 2;
    i.runCount = 3;
    return i;
}

std::vector<ConceptRecord> concepts()
{
    // "car" is in the first group of the hierarchy, the animals in the second; "rock" in none.
    return {{11, 5, 0, "cat", "animal", 1, 10, 2},
            {12, 5, 1, "dog", "animal", 1, 12, 2},
            {13, 5, 2, "car", "vehicle", 0, 8, 2},
            {14, 5, 3, "rock", "", -1, 5, 1},
            {15, 6, 0, "elsewhere", "animal", 0, 1, 1}};  // another data set's concept
}

std::vector<ModelRecord> models()
{
    ModelRecord vgg;
    vgg.id = 7;
    vgg.name = "vgg-w16-s1";
    vgg.family = "vgg";
    vgg.path = "/zoo/vgg-w16-s1.json";
    vgg.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    vgg.testAccuracy = 0.92651;
    ModelRecord imported;
    imported.id = 8;
    imported.name = "mine";
    imported.family = "torchscript";
    imported.path = "/models/mine.pt";
    imported.importSpec = R"({"blocks":[]})";
    return {vgg, imported};
}

RunRecord run(std::int64_t id, std::int64_t modelId, RunStatus status, const std::string& createdAt,
              const std::string& hyperparameters)
{
    RunRecord r;
    r.id = id;
    r.modelId = modelId;
    r.datasetId = 5;
    r.status = status;
    r.createdAt = createdAt;
    r.hyperparameters = hyperparameters;
    r.initializations = 3;
    r.elapsedSeconds = 252;
    return r;
}

// Stored oldest first; run 4 shares run 1's creation time, so the id breaks the tie.
std::vector<RunRecord> runs()
{
    RunRecord interrupted = run(2, 7, RunStatus::Interrupted, "2024-05-01T11:00:00Z", R"({"concepts":["cat","dog"]})");
    interrupted.message = "cancelled by the user";
    interrupted.preset = "official";
    return {run(1, 7, RunStatus::Finished, "2024-05-01T10:00:00Z", R"({"concepts":[]})"), interrupted,
            run(3, 8, RunStatus::Running, "2024-05-02T09:30:00Z", R"({"preset":"paper"})"),
            run(4, 42, RunStatus::Pending, "2024-05-01T10:00:00Z", "not json")};
}

QModelIndex at(const QAbstractItemModel& m, std::initializer_list<int> rows, int column = 0)
{
    QModelIndex index;
    const int last = int(rows.size()) - 1;
    int depth = 0;
    for (int row : rows)
        index = m.index(row, depth++ == last ? column : 0, index);
    return index;
}

QString text(const QAbstractItemModel& m, std::initializer_list<int> rows, int column = 0)
{
    return at(m, rows, column).data().toString();
}

}  // namespace

class TestProjectTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sectionsAndGroupedConcepts()
    {
        ProjectTreeModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setProject(info(), concepts(), models(), runs());
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.columnCount(), 3);
        QCOMPARE(text(m, {DataSets}), QStringLiteral("Data sets (1)"));
        QCOMPARE(text(m, {Models}), QStringLiteral("Models (2)"));
        QCOMPARE(text(m, {Runs}), QStringLiteral("Runs (4)"));
        for (int section = 0; section < 3; ++section) {
            QCOMPARE(ProjectTreeModel::kind(at(m, {section})), ProjectTreeModel::SectionItem);
            QVERIFY(!at(m, {section}).data(ProjectTreeModel::IdRole).isValid());
        }

        const QModelIndex dataset = at(m, {DataSets, 0});
        QCOMPARE(ProjectTreeModel::kind(dataset), ProjectTreeModel::DatasetItem);
        QCOMPARE(dataset.data(ProjectTreeModel::IdRole).toLongLong(), 5);
        QCOMPARE(dataset.data().toString(), QStringLiteral("toy"));
        QCOMPARE(text(m, {DataSets, 0}, ProjectTreeModel::SummaryColumn),
                 QStringLiteral("%1 / %2").arg(QLocale().toString(30), QLocale().toString(6)));
        QCOMPARE(text(m, {DataSets, 0}, ProjectTreeModel::DetailsColumn), QStringLiteral("32×32×3 · imagefolder"));
        QVERIFY(dataset.data(Qt::ToolTipRole).toString().contains(QStringLiteral("/d")));
        // Hierarchy order ("vehicle" is primary 0), the ungrouped "rock" last; the other data
        // set's concept is not here.
        QCOMPARE(m.rowCount(dataset), 3);
        QCOMPARE(text(m, {DataSets, 0, 0}), QStringLiteral("vehicle"));
        QCOMPARE(text(m, {DataSets, 0, 1}), QStringLiteral("animal"));
        QCOMPARE(text(m, {DataSets, 0, 2}), QStringLiteral("rock"));
        QCOMPARE(ProjectTreeModel::kind(at(m, {DataSets, 0, 1})), ProjectTreeModel::GroupItem);
        QCOMPARE(ProjectTreeModel::kind(at(m, {DataSets, 0, 2})), ProjectTreeModel::ConceptItem);
        QCOMPARE(text(m, {DataSets, 0, 1}, ProjectTreeModel::SummaryColumn), QStringLiteral("22 / 4"));  // summed
        QVERIFY(text(m, {DataSets, 0, 1}, ProjectTreeModel::DetailsColumn).startsWith(QStringLiteral("2 concept")));
        QCOMPARE(m.rowCount(at(m, {DataSets, 0, 1})), 2);
        QCOMPARE(text(m, {DataSets, 0, 1, 1}), QStringLiteral("dog"));
        QCOMPARE(text(m, {DataSets, 0, 1, 1}, ProjectTreeModel::SummaryColumn), QStringLiteral("12 / 2"));
        QCOMPARE(text(m, {DataSets, 0, 1, 1}, ProjectTreeModel::DetailsColumn), QStringLiteral("class 1"));
        QCOMPARE(at(m, {DataSets, 0, 1, 1}).data(ProjectTreeModel::IdRole).toLongLong(), 12);
        // The same tooltip in every column of a row.
        const QString tip = at(m, {DataSets, 0, 1, 1}).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(QStringLiteral("dog: class 1")));
        QCOMPARE(at(m, {DataSets, 0, 1, 1}, ProjectTreeModel::DetailsColumn).data(Qt::ToolTipRole).toString(), tip);
    }

    void nothingIsCheckable()
    {
        ProjectTreeModel m;
        m.setProject(info(), concepts(), models(), runs());
        int seen = 0;
        std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
            for (int row = 0; row < m.rowCount(parent); ++row) {
                for (int column = 0; column < m.columnCount(parent); ++column) {
                    const QModelIndex index = m.index(row, column, parent);
                    QVERIFY(!(m.flags(index) & Qt::ItemIsUserCheckable));
                    QVERIFY(!index.data(Qt::CheckStateRole).isValid());
                    QVERIFY(m.flags(index) & Qt::ItemIsSelectable);
                    ++seen;
                }
                visit(m.index(row, 0, parent));
            }
        };
        visit({});
        QCOMPARE(seen, 3 * (3 + 1 + 2 + 4 + 2 + 4));  // sections, data set, groups, concepts, models, runs
    }

    void listsModels()
    {
        ProjectTreeModel m;
        m.setProject(info(), concepts(), models(), runs());
        QCOMPARE(m.rowCount(at(m, {Models})), 2);
        const QModelIndex vgg = at(m, {Models, 0});
        QCOMPARE(ProjectTreeModel::kind(vgg), ProjectTreeModel::ModelItem);
        QCOMPARE(vgg.data().toString(), QStringLiteral("vgg-w16-s1"));
        QCOMPARE(vgg.data(ProjectTreeModel::IdRole).toLongLong(), 7);
        QCOMPARE(vgg.data(ProjectTreeModel::ImportedRole).toBool(), false);
        QCOMPARE(text(m, {Models, 0}, ProjectTreeModel::SummaryColumn),
                 QStringLiteral("%1 %").arg(QLocale().toString(92.65, 'f', 2)));
        QCOMPARE(text(m, {Models, 0}, ProjectTreeModel::DetailsColumn), QStringLiteral("vgg"));
        const QString tip = vgg.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(QStringLiteral("/zoo/vgg-w16-s1.json")));
        QVERIFY(tip.contains(QStringLiteral("0123456789ab…")));
        QVERIFY(!tip.contains(QStringLiteral("0123456789abc")));  // 12 hex digits, not more

        const QModelIndex mine = at(m, {Models, 1});
        QCOMPARE(mine.data(ProjectTreeModel::ImportedRole).toBool(), true);
        QCOMPARE(text(m, {Models, 1}, ProjectTreeModel::DetailsColumn), QStringLiteral("imported · torchscript"));
        QCOMPARE(text(m, {Models, 1}, ProjectTreeModel::SummaryColumn), QStringLiteral("–"));  // accuracy unknown
        QVERIFY(mine.data(Qt::ToolTipRole).toString().contains(QStringLiteral("SHA-256: unknown")));
    }

    void listsRunsNewestFirst()
    {
        ProjectTreeModel m;
        m.setProject(info(), concepts(), models(), runs());
        const QModelIndex section = at(m, {Runs});
        QCOMPARE(m.rowCount(section), 4);
        QList<qint64> ids;
        QStringList statuses;
        QList<RunStatus> stored;
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(ProjectTreeModel::kind(at(m, {Runs, row})), ProjectTreeModel::RunItem);
            ids << at(m, {Runs, row}).data(ProjectTreeModel::IdRole).toLongLong();
            statuses << text(m, {Runs, row}, ProjectTreeModel::SummaryColumn);
            stored << RunStatus(at(m, {Runs, row}).data(ProjectTreeModel::StatusRole).toInt());
        }
        QCOMPARE(ids, (QList<qint64>{3, 2, 4, 1}));
        QCOMPARE(statuses, (QStringList{"running", "interrupted", "pending", "finished"}));
        QCOMPARE(stored, (QList<RunStatus>{RunStatus::Running, RunStatus::Interrupted, RunStatus::Pending,
                                           RunStatus::Finished}));

        QCOMPARE(text(m, {Runs, 0}), QStringLiteral("run 3 · mine"));
        // No "concepts" key: every concept of the data set (not the other data set's).
        QVERIFY2(text(m, {Runs, 0}, ProjectTreeModel::DetailsColumn).startsWith(QStringLiteral("4 concept")),
                 qPrintable(text(m, {Runs, 0}, ProjectTreeModel::DetailsColumn)));
        const QString details = text(m, {Runs, 1}, ProjectTreeModel::DetailsColumn);
        QCOMPARE(text(m, {Runs, 1}), QStringLiteral("run 2 · vgg-w16-s1"));
        QVERIFY2(details.startsWith(QStringLiteral("2 concept")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("4 min 12 s")));
        QVERIFY(details.contains(QStringLiteral("3 init")));
        const QString tip = at(m, {Runs, 1}).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(QStringLiteral("cancelled by the user")));
        QVERIFY(tip.contains(QStringLiteral("Preset: official")));
        QVERIFY(tip.contains(QStringLiteral("cat, dog")));
        // An empty list also means all concepts.
        QVERIFY(text(m, {Runs, 3}, ProjectTreeModel::DetailsColumn).startsWith(QStringLiteral("4 concept")));
        // Unreadable hyperparameters and an unknown model do not stop the listing.
        QCOMPARE(text(m, {Runs, 2}), QStringLiteral("run 4 · model 42"));
        QVERIFY(text(m, {Runs, 2}, ProjectTreeModel::DetailsColumn).startsWith(QStringLiteral("?")));
        QVERIFY(at(m, {Runs, 2}).data(Qt::ToolTipRole).toString().contains(QStringLiteral("unreadable")));
    }

    void headers()
    {
        ProjectTreeModel m;
        QCOMPARE(m.headerData(ProjectTreeModel::ItemColumn, Qt::Horizontal).toString(), QStringLiteral("Item"));
        QCOMPARE(m.headerData(ProjectTreeModel::SummaryColumn, Qt::Horizontal).toString(), QStringLiteral("Summary"));
        QCOMPARE(m.headerData(ProjectTreeModel::DetailsColumn, Qt::Horizontal).toString(), QStringLiteral("Details"));
        QVERIFY(m.headerData(ProjectTreeModel::SummaryColumn, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("test accuracy")));
        QVERIFY(!m.headerData(3, Qt::Horizontal).isValid());
    }

    void refillsKeepCountsAndClear()
    {
        ProjectTreeModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setProject(info(), concepts(), models(), runs());
        // The two-argument form: the counts from the project's info, no lists.
        m.setProject(info(), concepts());
        QCOMPARE(text(m, {Models}), QStringLiteral("Models (2)"));
        QCOMPARE(text(m, {Runs}), QStringLiteral("Runs (3)"));
        QCOMPARE(m.rowCount(at(m, {Runs})), 0);
        QCOMPARE(m.rowCount(at(m, {DataSets, 0})), 3);
        // Another project replaces everything.
        m.setProject(ProjectInfo{}, {}, {}, {});
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(text(m, {DataSets}), QStringLiteral("Data sets (0)"));
        for (int section = 0; section < 3; ++section)
            QCOMPARE(m.rowCount(at(m, {section})), 0);
        m.clear();
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(!m.index(0, 0).isValid());
        m.setProject(info(), concepts(), models(), runs());
        QCOMPARE(m.rowCount(at(m, {Runs})), 4);
        QCOMPARE(reset.count(), 5);
    }
};

QTEST_GUILESS_MAIN(TestProjectTreeModel)
#include "tst_projecttreemodel.moc"
