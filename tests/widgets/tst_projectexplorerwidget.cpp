#include "ProjectExplorerWidget.h"

#include <QSignalSpy>
#include <QtTest>

#include <functional>

using namespace nad;

class TestProjectExplorerWidget : public QObject
{
    Q_OBJECT
private:
    enum Section { DataSets = 0, Models = 1, Runs = 2 };

    static ProjectInfo info()
    {
        ProjectInfo i;
        i.datasets = {{5, "toy", "imagefolder", "/d", 3, 32, 32, 30, 6}};
        i.conceptCount = 4;
        i.modelCount = 2;
        i.runCount = 3;
        return i;
    }
    static std::vector<ConceptRecord> concepts()
    {
        // "car" (class 2) is in the first group of the hierarchy, the animals in the second.
        return {{11, 5, 0, "cat", "animal", 1, 10, 2},
                {12, 5, 1, "dog", "animal", 1, 12, 2},
                {13, 5, 2, "car", "vehicle", 0, 8, 2},
                {14, 5, 3, "rock", "", -1, 5, 1}};
    }
    static std::vector<ModelRecord> models()
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
        imported.sha256 = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
        imported.importSpec = R"({"blocks":[]})";
        return {vgg, imported};
    }
    static RunRecord run(std::int64_t id, std::int64_t modelId, const std::string& status, const std::string& createdAt,
                         const std::string& hyperparameters)
    {
        RunRecord r;
        r.id = id;
        r.modelId = modelId;
        r.datasetId = 5;
        r.status = *runStatusFromName(status);
        r.createdAt = createdAt;
        r.hyperparameters = hyperparameters;
        r.initializations = 3;
        r.elapsedSeconds = 252;
        return r;
    }
    // Stored oldest first (as RunStore::runs() returns them), run 3 is the newest.
    static std::vector<RunRecord> runs()
    {
        RunRecord interrupted = run(2, 7, "interrupted", "2024-05-01T11:00:00Z", R"({"concepts":["cat","dog"]})");
        interrupted.message = "cancelled by the user";
        interrupted.preset = "official";
        return {run(1, 7, "finished", "2024-05-01T10:00:00Z", R"({"concepts":[]})"), interrupted,
                run(3, 8, "running", "2024-05-02T09:30:00Z", R"({"preset":"paper"})")};
    }
    static void fill(ProjectExplorerWidget& w) { w.setProject(info(), concepts(), models(), runs()); }
    // The row at `rows` (top level first) of the view's model, in `column`.
    static QModelIndex at(const ProjectExplorerWidget& w, std::initializer_list<int> rows,
                          int column = ProjectExplorerWidget::ItemColumn)
    {
        QModelIndex index;
        const int last = int(rows.size()) - 1;
        int depth = 0;
        for (int row : rows)
            index = w.model()->index(row, depth++ == last ? column : 0, index);
        return index;
    }
    static QString text(const ProjectExplorerWidget& w, std::initializer_list<int> rows,
                        int column = ProjectExplorerWidget::ItemColumn)
    {
        return at(w, rows, column).data().toString();
    }
    static int kind(const QModelIndex& index) { return index.data(ProjectExplorerWidget::KindRole).toInt(); }
    static int rows(const ProjectExplorerWidget& w, const QModelIndex& index) { return w.model()->rowCount(index); }

private Q_SLOTS:
    void groupsConceptsUnderPrimaryConcepts()
    {
        ProjectExplorerWidget w;
        fill(w);
        QCOMPARE(w.model()->rowCount(), 3);  // data sets, models, runs
        const QModelIndex dataset = at(w, {DataSets, 0});
        QCOMPARE(kind(dataset), int(ProjectExplorerWidget::DatasetItem));
        QCOMPARE(dataset.data().toString(), QStringLiteral("toy"));
        QCOMPARE(text(w, {DataSets, 0}, ProjectExplorerWidget::SummaryColumn),
                 QStringLiteral("%1 / %2").arg(QLocale().toString(30), QLocale().toString(6)));
        QCOMPARE(rows(w, dataset), 3);  // groups "vehicle" and "animal", the ungrouped "rock"
        QCOMPARE(text(w, {DataSets, 0, 0}), QStringLiteral("vehicle"));
        const QModelIndex animal = at(w, {DataSets, 0, 1});
        QCOMPARE(kind(animal), int(ProjectExplorerWidget::GroupItem));
        QCOMPARE(animal.data().toString(), QStringLiteral("animal"));
        QCOMPARE(text(w, {DataSets, 0, 1}, ProjectExplorerWidget::SummaryColumn),
                 QStringLiteral("22 / 4"));  // summed
        QCOMPARE(rows(w, animal), 2);
        QCOMPARE(text(w, {DataSets, 0, 1, 1}), QStringLiteral("dog"));
        QCOMPARE(text(w, {DataSets, 0, 1, 1}, ProjectExplorerWidget::SummaryColumn), QStringLiteral("12 / 2"));
        QCOMPARE(text(w, {DataSets, 0, 2}), QStringLiteral("rock"));
    }

    void conceptsAreNotCheckable()
    {
        ProjectExplorerWidget w;
        fill(w);
        int seen = 0;
        std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
            for (int row = 0; row < w.model()->rowCount(parent); ++row) {
                const QModelIndex index = w.model()->index(row, 0, parent);
                visit(index);
                if (kind(index) != ProjectExplorerWidget::ConceptItem)
                    continue;
                ++seen;
                QVERIFY2(!(w.model()->flags(index) & Qt::ItemIsUserCheckable), qPrintable(index.data().toString()));
                QVERIFY2(!index.data(Qt::CheckStateRole).isValid(), qPrintable(index.data().toString()));
            }
        };
        visit({});
        QCOMPARE(seen, 4);
    }

    void expandsOnlyToTheDatasetLevel()
    {
        ProjectExplorerWidget w;
        fill(w);
        QVERIFY(w.isExpanded(at(w, {DataSets})));
        QVERIFY(w.isExpanded(at(w, {Models})));
        QVERIFY(w.isExpanded(at(w, {Runs})));
        QVERIFY(w.isExpanded(at(w, {DataSets, 0})));
        QVERIFY(!w.isExpanded(at(w, {DataSets, 0, 0})));
        QVERIFY(!w.isExpanded(at(w, {DataSets, 0, 1})));
        // Section headers span the row, in bold.
        QVERIFY(w.isFirstColumnSpanned(DataSets, QModelIndex()));
        QVERIFY(at(w, {Runs}).data(Qt::FontRole).value<QFont>().bold());
    }

    void listsModels()
    {
        ProjectExplorerWidget w;
        fill(w);
        const QModelIndex section = at(w, {Models});
        QCOMPARE(section.data().toString(), QStringLiteral("Models (2)"));
        QCOMPARE(rows(w, section), 2);
        const QModelIndex vgg = at(w, {Models, 0});
        QCOMPARE(kind(vgg), int(ProjectExplorerWidget::ModelItem));
        QCOMPARE(vgg.data().toString(), QStringLiteral("vgg-w16-s1"));
        QCOMPARE(text(w, {Models, 0}, ProjectExplorerWidget::SummaryColumn),
                 QStringLiteral("%1 %").arg(QLocale().toString(92.65, 'f', 2)));
        QCOMPARE(text(w, {Models, 0}, ProjectExplorerWidget::DetailsColumn), QStringLiteral("vgg"));
        QVERIFY(vgg.data(Qt::ToolTipRole).toString().contains(QStringLiteral("/zoo/vgg-w16-s1.json")));
        QVERIFY(vgg.data(Qt::ToolTipRole).toString().contains(QStringLiteral("0123456789ab…")));
        QVERIFY(!vgg.data(Qt::ToolTipRole).toString().contains(QStringLiteral("0123456789abc")));  // 12 hex digits

        const QModelIndex mine = at(w, {Models, 1});
        QCOMPARE(mine.data().toString(), QStringLiteral("mine"));
        QVERIFY(text(w, {Models, 1}, ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("imported")));
        QVERIFY(!text(w, {Models, 1}, ProjectExplorerWidget::SummaryColumn).contains(QLatin1Char('%')));  // unknown
        QVERIFY(mine.data(Qt::ToolTipRole).toString().contains(QStringLiteral("fedcba987654…")));
        // An imported model's details in italics, a zoo model's not.
        QVERIFY(at(w, {Models, 1}, ProjectExplorerWidget::DetailsColumn).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(!at(w, {Models, 0}, ProjectExplorerWidget::DetailsColumn).data(Qt::FontRole).value<QFont>().italic());
    }

    void listsRunsNewestFirst()
    {
        ProjectExplorerWidget w;
        fill(w);
        const QModelIndex section = at(w, {Runs});
        QCOMPARE(section.data().toString(), QStringLiteral("Runs (3)"));
        QCOMPARE(rows(w, section), 3);
        QStringList ids, statuses;
        for (int i = 0; i < rows(w, section); ++i) {
            QCOMPARE(kind(at(w, {Runs, i})), int(ProjectExplorerWidget::RunItem));
            ids << at(w, {Runs, i}).data(ProjectExplorerWidget::IdRole).toString();
            statuses << text(w, {Runs, i}, ProjectExplorerWidget::SummaryColumn);
        }
        QCOMPARE(ids, (QStringList{"3", "2", "1"}));
        QCOMPARE(statuses, (QStringList{"running", "interrupted", "finished"}));

        const QModelIndex newest = at(w, {Runs, 0});
        QCOMPARE(newest.data().toString(), QStringLiteral("run 3 · mine"));
        QCOMPARE(RunStatus(newest.data(ProjectExplorerWidget::StatusRole).toInt()), RunStatus::Running);
        QVERIFY(
            !at(w, {Runs, 0}, ProjectExplorerWidget::SummaryColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        // No "concepts" key: every concept of the data set.
        QVERIFY2(text(w, {Runs, 0}, ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("4 concept")),
                 qPrintable(text(w, {Runs, 0}, ProjectExplorerWidget::DetailsColumn)));

        const QModelIndex interrupted = at(w, {Runs, 1});
        const QString details = text(w, {Runs, 1}, ProjectExplorerWidget::DetailsColumn);
        QCOMPARE(interrupted.data().toString(), QStringLiteral("run 2 · vgg-w16-s1"));
        QVERIFY2(details.startsWith(QStringLiteral("2 concept")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("4 min 12 s")));
        QVERIFY(details.contains(QStringLiteral("3 init")));
        QVERIFY(interrupted.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cancelled by the user")));
        QVERIFY(interrupted.data(Qt::ToolTipRole).toString().contains(QStringLiteral("official")));
        QVERIFY(interrupted.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cat, dog")));
        // Statuses are told apart by colour too.
        const auto foreground = [&](int row) {
            return at(w, {Runs, row}, ProjectExplorerWidget::SummaryColumn).data(Qt::ForegroundRole).value<QBrush>();
        };
        QVERIFY(foreground(1).color() != foreground(2).color());

        // An empty list also means all concepts.
        QVERIFY2(text(w, {Runs, 2}, ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("4 concept")),
                 qPrintable(text(w, {Runs, 2}, ProjectExplorerWidget::DetailsColumn)));
    }

    void unreadableHyperparametersDoNotCrash()
    {
        ProjectExplorerWidget w;
        w.setProject(info(), concepts(), models(), {run(9, 42, "pending", "", "not json")});
        QCOMPARE(text(w, {Runs, 0}), QStringLiteral("run 9 · model 42"));
        QCOMPARE(text(w, {Runs, 0}, ProjectExplorerWidget::SummaryColumn), QStringLiteral("pending"));
        QVERIFY(text(w, {Runs, 0}, ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("?")));
    }

    void emitsSelectionWithRecordIds()
    {
        ProjectExplorerWidget w;
        fill(w);
        QSignalSpy concept(&w, &ProjectExplorerWidget::conceptSelected);
        QSignalSpy dataset(&w, &ProjectExplorerWidget::datasetSelected);
        QSignalSpy model(&w, &ProjectExplorerWidget::modelSelected);
        QSignalSpy run(&w, &ProjectExplorerWidget::runSelected);
        w.setCurrentIndex(at(w, {DataSets, 0, 1, 1}));
        QCOMPARE(concept.count(), 1);
        QCOMPARE(concept.at(0).at(0).toLongLong(), 12);
        w.setCurrentIndex(at(w, {DataSets, 0}));
        QCOMPARE(dataset.count(), 1);
        QCOMPARE(dataset.at(0).at(0).toLongLong(), 5);
        w.setCurrentIndex(at(w, {Runs, 1}));
        QCOMPARE(run.count(), 1);
        QCOMPARE(run.at(0).at(0).toLongLong(), 2);
        w.setCurrentIndex(at(w, {Models, 1}));
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.at(0).at(0).toLongLong(), 8);
        // Section headers select nothing.
        w.setCurrentIndex(at(w, {Runs}));
        QCOMPARE(run.count() + model.count() + dataset.count() + concept.count(), 4);
    }

    void twoArgumentFormKeepsSectionCounts()
    {
        ProjectExplorerWidget w;
        w.setProject(info(), concepts());
        QCOMPARE(text(w, {Models}), QStringLiteral("Models (2)"));
        QCOMPARE(text(w, {Runs}), QStringLiteral("Runs (3)"));
        QCOMPARE(rows(w, at(w, {Runs})), 0);
    }

    void replacesPreviousProject()
    {
        ProjectExplorerWidget w;
        fill(w);
        ProjectInfo empty;
        w.setProject(empty, {}, {}, {});
        QCOMPARE(w.model()->rowCount(), 3);
        QCOMPARE(rows(w, at(w, {DataSets})), 0);
        QCOMPARE(rows(w, at(w, {Models})), 0);
        QCOMPARE(rows(w, at(w, {Runs})), 0);
        w.clearProject();
        QCOMPARE(w.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestProjectExplorerWidget)
#include "tst_projectexplorerwidget.moc"
