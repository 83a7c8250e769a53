#include "ProjectExplorerWidget.h"

#include <QSignalSpy>
#include <QtTest>

using namespace nad;

class TestProjectExplorerWidget : public QObject
{
    Q_OBJECT
private:
    static ProjectInfo info()
    {
        ProjectInfo i;
        i.datasets = {{5, "toy", "imagefolder", "/d", 3, 32, 32, 30, 6}};
        i.conceptCount = 4;
        i.modelCount = 2;
        i.runCount = 1;
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

private Q_SLOTS:
    void groupsConceptsUnderPrimaryConcepts()
    {
        ProjectExplorerWidget w;
        w.setProject(info(), concepts());
        QCOMPARE(w.topLevelItemCount(), 3);  // data sets, models, runs
        QTreeWidgetItem* dataset = w.topLevelItem(0)->child(0);
        QCOMPARE(dataset->type(), int(ProjectExplorerWidget::DatasetItem));
        QCOMPARE(dataset->text(1), QLocale().toString(30));
        QCOMPARE(dataset->childCount(), 3);  // groups "vehicle" and "animal", the ungrouped "rock"
        QVERIFY(dataset->child(0)->text(0).startsWith(QStringLiteral("vehicle")));
        QTreeWidgetItem* animal = dataset->child(1);
        QCOMPARE(animal->type(), int(ProjectExplorerWidget::GroupItem));
        QVERIFY(animal->text(0).startsWith(QStringLiteral("animal")));
        QCOMPARE(animal->childCount(), 2);
        QCOMPARE(animal->child(1)->text(0), QStringLiteral("dog"));
        QCOMPARE(animal->child(1)->text(1), QStringLiteral("12"));
        QCOMPARE(dataset->child(2)->text(0), QStringLiteral("rock"));
        QVERIFY(w.topLevelItem(1)->text(0).contains(QStringLiteral("2")));
    }

    void emitsSelectionWithRecordIds()
    {
        ProjectExplorerWidget w;
        w.setProject(info(), concepts());
        QSignalSpy concept(&w, &ProjectExplorerWidget::conceptSelected);
        QSignalSpy dataset(&w, &ProjectExplorerWidget::datasetSelected);
        w.setCurrentItem(w.topLevelItem(0)->child(0)->child(1)->child(1));
        QCOMPARE(concept.count(), 1);
        QCOMPARE(concept.at(0).at(0).toLongLong(), 12);
        w.setCurrentItem(w.topLevelItem(0)->child(0));
        QCOMPARE(dataset.count(), 1);
        QCOMPARE(dataset.at(0).at(0).toLongLong(), 5);
    }

    void replacesPreviousProject()
    {
        ProjectExplorerWidget w;
        w.setProject(info(), concepts());
        ProjectInfo empty;
        w.setProject(empty, {});
        QCOMPARE(w.topLevelItem(0)->childCount(), 0);
    }
};

QTEST_MAIN(TestProjectExplorerWidget)
#include "tst_projectexplorerwidget.moc"
