#include "ProjectExplorerWidget.h"

#include <QSignalSpy>
#include <QtTest>

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

private Q_SLOTS:
    void groupsConceptsUnderPrimaryConcepts()
    {
        ProjectExplorerWidget w;
        fill(w);
        QCOMPARE(w.topLevelItemCount(), 3);  // data sets, models, runs
        QTreeWidgetItem* dataset = w.topLevelItem(DataSets)->child(0);
        QCOMPARE(dataset->type(), int(ProjectExplorerWidget::DatasetItem));
        QCOMPARE(dataset->text(ProjectExplorerWidget::ItemColumn), QStringLiteral("toy"));
        QCOMPARE(dataset->text(ProjectExplorerWidget::SummaryColumn),
                 QStringLiteral("%1 / %2").arg(QLocale().toString(30), QLocale().toString(6)));
        QCOMPARE(dataset->childCount(), 3);  // groups "vehicle" and "animal", the ungrouped "rock"
        QCOMPARE(dataset->child(0)->text(0), QStringLiteral("vehicle"));
        QTreeWidgetItem* animal = dataset->child(1);
        QCOMPARE(animal->type(), int(ProjectExplorerWidget::GroupItem));
        QCOMPARE(animal->text(0), QStringLiteral("animal"));
        QCOMPARE(animal->text(ProjectExplorerWidget::SummaryColumn),
                 QStringLiteral("22 / 4"));  // summed
        QCOMPARE(animal->childCount(), 2);
        QCOMPARE(animal->child(1)->text(0), QStringLiteral("dog"));
        QCOMPARE(animal->child(1)->text(ProjectExplorerWidget::SummaryColumn), QStringLiteral("12 / 2"));
        QCOMPARE(dataset->child(2)->text(0), QStringLiteral("rock"));
    }

    void conceptsAreNotCheckable()
    {
        ProjectExplorerWidget w;
        fill(w);
        int seen = 0;
        for (QTreeWidgetItemIterator it(&w); *it; ++it) {
            if ((*it)->type() != ProjectExplorerWidget::ConceptItem)
                continue;
            ++seen;
            QVERIFY2(!((*it)->flags() & Qt::ItemIsUserCheckable), qPrintable((*it)->text(0)));
            QVERIFY2(!(*it)->data(0, Qt::CheckStateRole).isValid(), qPrintable((*it)->text(0)));
        }
        QCOMPARE(seen, 4);
    }

    void expandsOnlyToTheDatasetLevel()
    {
        ProjectExplorerWidget w;
        fill(w);
        QTreeWidgetItem* dataset = w.topLevelItem(DataSets)->child(0);
        QVERIFY(w.topLevelItem(DataSets)->isExpanded());
        QVERIFY(w.topLevelItem(Models)->isExpanded());
        QVERIFY(w.topLevelItem(Runs)->isExpanded());
        QVERIFY(dataset->isExpanded());
        QVERIFY(!dataset->child(0)->isExpanded());
        QVERIFY(!dataset->child(1)->isExpanded());
    }

    void listsModels()
    {
        ProjectExplorerWidget w;
        fill(w);
        QTreeWidgetItem* section = w.topLevelItem(Models);
        QCOMPARE(section->text(0), QStringLiteral("Models (2)"));
        QCOMPARE(section->childCount(), 2);
        QTreeWidgetItem* vgg = section->child(0);
        QCOMPARE(vgg->type(), int(ProjectExplorerWidget::ModelItem));
        QCOMPARE(vgg->text(ProjectExplorerWidget::ItemColumn), QStringLiteral("vgg-w16-s1"));
        QCOMPARE(vgg->text(ProjectExplorerWidget::SummaryColumn),
                 QStringLiteral("%1 %").arg(QLocale().toString(92.65, 'f', 2)));
        QCOMPARE(vgg->text(ProjectExplorerWidget::DetailsColumn), QStringLiteral("vgg"));
        QVERIFY(vgg->toolTip(0).contains(QStringLiteral("/zoo/vgg-w16-s1.json")));
        QVERIFY(vgg->toolTip(0).contains(QStringLiteral("0123456789ab…")));
        QVERIFY(!vgg->toolTip(0).contains(QStringLiteral("0123456789abc")));  // 12 hex digits, not more

        QTreeWidgetItem* mine = section->child(1);
        QCOMPARE(mine->text(0), QStringLiteral("mine"));
        QVERIFY(mine->text(ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("imported")));
        QVERIFY(!mine->text(ProjectExplorerWidget::SummaryColumn).contains(QLatin1Char('%')));  // accuracy unknown
        QVERIFY(mine->toolTip(0).contains(QStringLiteral("fedcba987654…")));
    }

    void listsRunsNewestFirst()
    {
        ProjectExplorerWidget w;
        fill(w);
        QTreeWidgetItem* section = w.topLevelItem(Runs);
        QCOMPARE(section->text(0), QStringLiteral("Runs (3)"));
        QCOMPARE(section->childCount(), 3);
        QStringList ids, statuses;
        for (int i = 0; i < section->childCount(); ++i) {
            QCOMPARE(section->child(i)->type(), int(ProjectExplorerWidget::RunItem));
            ids << section->child(i)->data(0, ProjectExplorerWidget::IdRole).toString();
            statuses << section->child(i)->text(ProjectExplorerWidget::SummaryColumn);
        }
        QCOMPARE(ids, (QStringList{"3", "2", "1"}));
        QCOMPARE(statuses, (QStringList{"running", "interrupted", "finished"}));

        QTreeWidgetItem* newest = section->child(0);
        QCOMPARE(newest->text(0), QStringLiteral("run 3 · mine"));
        QCOMPARE(newest->data(0, ProjectExplorerWidget::StatusRole).toString(), QStringLiteral("running"));
        QVERIFY(!newest->icon(ProjectExplorerWidget::SummaryColumn).isNull());
        // No "concepts" key: every concept of the data set.
        QVERIFY2(newest->text(ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("4 concept")),
                 qPrintable(newest->text(ProjectExplorerWidget::DetailsColumn)));

        QTreeWidgetItem* interrupted = section->child(1);
        QCOMPARE(interrupted->text(0), QStringLiteral("run 2 · vgg-w16-s1"));
        QVERIFY2(interrupted->text(ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("2 concept")),
                 qPrintable(interrupted->text(ProjectExplorerWidget::DetailsColumn)));
        QVERIFY(interrupted->text(ProjectExplorerWidget::DetailsColumn).contains(QStringLiteral("4 min 12 s")));
        QVERIFY(interrupted->text(ProjectExplorerWidget::DetailsColumn).contains(QStringLiteral("3 init")));
        QVERIFY(interrupted->toolTip(0).contains(QStringLiteral("cancelled by the user")));
        QVERIFY(interrupted->toolTip(0).contains(QStringLiteral("official")));
        QVERIFY(interrupted->toolTip(0).contains(QStringLiteral("cat, dog")));
        // Statuses are told apart by colour too.
        QVERIFY(interrupted->foreground(ProjectExplorerWidget::SummaryColumn).color() !=
                section->child(2)->foreground(ProjectExplorerWidget::SummaryColumn).color());

        // An empty list also means all concepts.
        QVERIFY2(section->child(2)->text(ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("4 concept")),
                 qPrintable(section->child(2)->text(ProjectExplorerWidget::DetailsColumn)));
    }

    void unreadableHyperparametersDoNotCrash()
    {
        ProjectExplorerWidget w;
        w.setProject(info(), concepts(), models(), {run(9, 42, "pending", "", "not json")});
        QTreeWidgetItem* item = w.topLevelItem(Runs)->child(0);
        QCOMPARE(item->text(0), QStringLiteral("run 9 · model 42"));
        QCOMPARE(item->text(ProjectExplorerWidget::SummaryColumn), QStringLiteral("pending"));
        QVERIFY(item->text(ProjectExplorerWidget::DetailsColumn).startsWith(QStringLiteral("?")));
    }

    void emitsSelectionWithRecordIds()
    {
        ProjectExplorerWidget w;
        fill(w);
        QSignalSpy concept(&w, &ProjectExplorerWidget::conceptSelected);
        QSignalSpy dataset(&w, &ProjectExplorerWidget::datasetSelected);
        QSignalSpy model(&w, &ProjectExplorerWidget::modelSelected);
        QSignalSpy run(&w, &ProjectExplorerWidget::runSelected);
        w.setCurrentItem(w.topLevelItem(DataSets)->child(0)->child(1)->child(1));
        QCOMPARE(concept.count(), 1);
        QCOMPARE(concept.at(0).at(0).toLongLong(), 12);
        w.setCurrentItem(w.topLevelItem(DataSets)->child(0));
        QCOMPARE(dataset.count(), 1);
        QCOMPARE(dataset.at(0).at(0).toLongLong(), 5);
        w.setCurrentItem(w.topLevelItem(Runs)->child(1));
        QCOMPARE(run.count(), 1);
        QCOMPARE(run.at(0).at(0).toLongLong(), 2);
        w.setCurrentItem(w.topLevelItem(Models)->child(1));
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.at(0).at(0).toLongLong(), 8);
        // Section headers select nothing.
        w.setCurrentItem(w.topLevelItem(Runs));
        QCOMPARE(run.count() + model.count() + dataset.count() + concept.count(), 4);
    }

    void twoArgumentFormKeepsSectionCounts()
    {
        ProjectExplorerWidget w;
        w.setProject(info(), concepts());
        QCOMPARE(w.topLevelItem(Models)->text(0), QStringLiteral("Models (2)"));
        QCOMPARE(w.topLevelItem(Runs)->text(0), QStringLiteral("Runs (3)"));
        QCOMPARE(w.topLevelItem(Runs)->childCount(), 0);
    }

    void replacesPreviousProject()
    {
        ProjectExplorerWidget w;
        fill(w);
        ProjectInfo empty;
        w.setProject(empty, {}, {}, {});
        QCOMPARE(w.topLevelItemCount(), 3);
        QCOMPARE(w.topLevelItem(DataSets)->childCount(), 0);
        QCOMPARE(w.topLevelItem(Models)->childCount(), 0);
        QCOMPARE(w.topLevelItem(Runs)->childCount(), 0);
        w.clearProject();
        QCOMPARE(w.topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestProjectExplorerWidget)
#include "tst_projectexplorerwidget.moc"
