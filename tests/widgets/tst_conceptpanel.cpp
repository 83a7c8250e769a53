#include "ConceptPanel.h"

#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

using namespace nad;

namespace {

// Fashion-MNIST's classes in class order with the built-in hierarchy, plus one concept with
// no primary concept. Ids are 100 + class index.
QVector<ConceptPanel::ConceptEntry> fashionConcepts()
{
    const QStringList names = {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
                               QStringLiteral("Dress"),       QStringLiteral("Coat"),    QStringLiteral("Sandal"),
                               QStringLiteral("Shirt"),       QStringLiteral("Sneaker"), QStringLiteral("Bag"),
                               QStringLiteral("Ankle boot")};
    const QStringList primary = {QStringLiteral("tops"),    QStringLiteral("others"),   QStringLiteral("tops"),
                                 QStringLiteral("tops"),    QStringLiteral("tops"),     QStringLiteral("footwear"),
                                 QStringLiteral("tops"),    QStringLiteral("footwear"), QStringLiteral("others"),
                                 QStringLiteral("footwear")};
    // "others" comes first in class order but last in the hierarchy.
    const QHash<QString, int> position = {
        {QStringLiteral("tops"), 0}, {QStringLiteral("footwear"), 1}, {QStringLiteral("others"), 2}};
    QVector<ConceptPanel::ConceptEntry> concepts;
    for (int c = 0; c < names.size(); ++c)
        concepts.push_back({100 + c, names[c], primary[c], position[primary[c]], 6000});
    concepts.push_back({200, QStringLiteral("Mystery"), QString(), -1, 12});
    return concepts;
}

QTreeWidgetItem* topItem(const ConceptPanel& panel, const QString& text)
{
    for (int i = 0; i < panel.tree()->topLevelItemCount(); ++i)
        if (panel.tree()->topLevelItem(i)->text(0) == text)
            return panel.tree()->topLevelItem(i);
    return nullptr;
}

void saveScreenshot(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("NAD_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}

}  // namespace

class TestConceptPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsFollowTheHierarchy()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        QTreeWidget* tree = panel.tree();
        QCOMPARE(tree->topLevelItemCount(), 4);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("tops"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("footwear"));
        QCOMPARE(tree->topLevelItem(2)->text(0), QStringLiteral("others"));
        // The concept without a primary sits at the top level, after the groups.
        QCOMPARE(tree->topLevelItem(3)->text(0), QStringLiteral("Mystery"));
        QCOMPARE(tree->topLevelItem(3)->type(), int(ConceptPanel::ConceptItem));
        QTreeWidgetItem* tops = tree->topLevelItem(0);
        QCOMPARE(tops->childCount(), 5);
        QCOMPARE(tops->child(0)->text(0), QStringLiteral("T-shirt/top"));
        QCOMPARE(tops->child(4)->text(0), QStringLiteral("Shirt"));
        QCOMPARE(tops->child(2)->data(0, ConceptPanel::IdRole).toLongLong(), qint64(103));  // Dress
        QVERIFY(panel.findChild<QLineEdit*>(QStringLiteral("conceptSearch")));
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("selectAllConcepts")));
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("selectNoConcepts")));
        QVERIFY(panel.checkedConcepts().isEmpty());
        QCOMPARE(panel.itemOf(104)->text(ConceptPanel::StatusColumn), QStringLiteral("not learned"));
    }

    void searchFiltersRows()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.show();
        // Typed into the search field, in any case.
        QTest::keyClicks(panel.searchEdit(), QStringLiteral("SHI"));
        QCOMPARE(panel.visibleNames(), (QStringList{QStringLiteral("T-shirt/top"), QStringLiteral("Shirt")}));
        QVERIFY(topItem(panel, QStringLiteral("footwear"))->isHidden());
        QVERIFY(!topItem(panel, QStringLiteral("tops"))->isHidden());
        QVERIFY(panel.itemOf(102)->isHidden());  // Pullover
        // A primary's name shows all of its concepts.
        panel.setFilterText(QStringLiteral("foot"));
        QCOMPARE(panel.visibleNames(),
                 (QStringList{QStringLiteral("Sandal"), QStringLiteral("Sneaker"), QStringLiteral("Ankle boot")}));
        panel.setFilterText(QStringLiteral("myst"));
        QCOMPARE(panel.visibleNames(), QStringList{QStringLiteral("Mystery")});
        panel.setFilterText(QStringLiteral("nothing like this"));
        QVERIFY(panel.visibleNames().isEmpty());
        panel.setFilterText(QString());
        QCOMPARE(panel.visibleNames().size(), 11);
    }

    void checkingAPrimaryChecksItsConcepts()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        QSignalSpy changed(&panel, &ConceptPanel::checkedChanged);
        QTreeWidgetItem* footwear = topItem(panel, QStringLiteral("footwear"));
        footwear->setCheckState(0, Qt::Checked);  // what a click on its box does
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{105, 107, 109}));
        QCOMPARE(panel.checkedNames(),
                 (QStringList{QStringLiteral("Sandal"), QStringLiteral("Sneaker"), QStringLiteral("Ankle boot")}));
        QCOMPARE(changed.count(), 1);  // once, not once per concept
        // One concept off: the primary is partly checked.
        panel.itemOf(107)->setCheckState(0, Qt::Unchecked);
        QCOMPARE(footwear->checkState(0), Qt::PartiallyChecked);
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{105, 109}));
        QCOMPARE(changed.count(), 2);
        // Clicking a partly checked primary checks all of it; again unchecks all.
        footwear->setCheckState(0, Qt::Checked);
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{105, 107, 109}));
        footwear->setCheckState(0, Qt::Unchecked);
        QVERIFY(panel.checkedConcepts().isEmpty());
        QCOMPARE(topItem(panel, QStringLiteral("tops"))->checkState(0), Qt::Unchecked);
        // All of a group checked one by one checks the group.
        panel.itemOf(101)->setCheckState(0, Qt::Checked);
        panel.itemOf(108)->setCheckState(0, Qt::Checked);
        QCOMPARE(topItem(panel, QStringLiteral("others"))->checkState(0), Qt::Checked);
        QCOMPARE(panel.checkedNames(), (QStringList{QStringLiteral("Trouser"), QStringLiteral("Bag")}));
    }

    void selectAllNoneAndByName()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        QSignalSpy changed(&panel, &ConceptPanel::checkedChanged);
        panel.setChecked({QStringLiteral("Coat"), QStringLiteral("Bag"), QStringLiteral("no such concept")});
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{104, 108}));
        QCOMPARE(topItem(panel, QStringLiteral("tops"))->checkState(0), Qt::PartiallyChecked);
        QCOMPARE(changed.count(), 1);
        panel.setChecked({QStringLiteral("Bag"), QStringLiteral("Coat")});  // the same set: no signal
        QCOMPARE(changed.count(), 1);
        // "Select all" adds what the search shows.
        panel.setFilterText(QStringLiteral("shirt"));
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("selectAllConcepts")), Qt::LeftButton);
        QCOMPARE(panel.checkedNames(), (QStringList{QStringLiteral("T-shirt/top"), QStringLiteral("Coat"),
                                                    QStringLiteral("Shirt"), QStringLiteral("Bag")}));
        panel.setFilterText(QString());
        panel.selectAllShown();
        QCOMPARE(panel.checkedConcepts().size(), 11);
        QCOMPARE(topItem(panel, QStringLiteral("tops"))->checkState(0), Qt::Checked);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("selectNoConcepts")), Qt::LeftButton);
        QVERIFY(panel.checkedConcepts().isEmpty());
        QCOMPARE(topItem(panel, QStringLiteral("tops"))->checkState(0), Qt::Unchecked);
    }

    void statusShowsPrecisionAndUsage()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.setStatus(qint64(104), ConceptPanel::Status::Learned, 0.934, 0.2712);
        QTreeWidgetItem* coat = panel.itemOf(104);
        QCOMPARE(coat->text(ConceptPanel::StatusColumn), QStringLiteral("learned"));
        QCOMPARE(coat->text(ConceptPanel::PrecisionColumn), QStringLiteral("93.4 %"));
        QCOMPARE(coat->text(ConceptPanel::UsageColumn), QStringLiteral("27.1 %"));
        QCOMPARE(panel.status(104), ConceptPanel::Status::Learned);
        QCOMPARE(topItem(panel, QStringLiteral("tops"))->text(ConceptPanel::StatusColumn),
                 QStringLiteral("1/5 learned"));
        panel.setStatus(QStringLiteral("Sneaker"), ConceptPanel::Status::Learning);
        QCOMPARE(panel.itemOf(107)->text(ConceptPanel::StatusColumn), QStringLiteral("learning"));
        QVERIFY(panel.itemOf(107)->text(ConceptPanel::PrecisionColumn).isEmpty());
        // Statuses do not touch the selection.
        QVERIFY(panel.checkedConcepts().isEmpty());
        panel.clearStatuses();
        QCOMPARE(coat->text(ConceptPanel::StatusColumn), QStringLiteral("not learned"));
        QVERIFY(coat->text(ConceptPanel::PrecisionColumn).isEmpty());
        QCOMPARE(topItem(panel, QStringLiteral("tops"))->text(ConceptPanel::StatusColumn),
                 QStringLiteral("0/5 learned"));
    }

    void detailsShowAurocKnockoutAndDegeneratePaths()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.setStatus(qint64(104), ConceptPanel::Status::Learned, 0.934, 0.2712);
        ConceptPanel::PathDetails details;
        details.auroc = 0.9123;
        details.originalAuroc = 0.99;
        details.knockoutDrop = 0.45;
        details.randomDrop = 0.02;
        details.randomDropStd = 0.01;
        details.steps = 129;
        panel.setDetails(QStringLiteral("Coat"), details);
        QTreeWidgetItem* coat = panel.itemOf(104);
        QCOMPARE(coat->text(ConceptPanel::AurocColumn), QStringLiteral("0.912"));
        QCOMPARE(coat->text(ConceptPanel::KnockoutColumn), QStringLiteral("45.0 (rnd 2.0)"));
        QVERIFY2(coat->toolTip(ConceptPanel::AurocColumn).contains(QStringLiteral("129 steps")),
                 qPrintable(coat->toolTip(ConceptPanel::AurocColumn)));
        QCOMPARE(coat->text(ConceptPanel::StatusColumn), QStringLiteral("learned"));
        details.degenerate = true;
        panel.setDetails(QStringLiteral("Coat"), details);
        QCOMPARE(coat->text(ConceptPanel::StatusColumn), QStringLiteral("degenerate"));
        QVERIFY(coat->toolTip(ConceptPanel::PrecisionColumn).contains(QStringLiteral("Degenerate")));
        // A path without units of its own has no knockout drop to show, and says why.
        ConceptPanel::PathDetails shared;
        shared.noOwnUnits = true;
        panel.setDetails(QStringLiteral("Coat"), shared);
        QCOMPARE(coat->text(ConceptPanel::KnockoutColumn), QStringLiteral("no own units"));
        QVERIFY(coat->toolTip(ConceptPanel::KnockoutColumn).contains(QStringLiteral("No units of its own")));
        // Learning again clears what the last evaluation said.
        panel.setStatus(qint64(104), ConceptPanel::Status::Learning);
        QVERIFY(coat->text(ConceptPanel::AurocColumn).isEmpty());
        QVERIFY(coat->text(ConceptPanel::KnockoutColumn).isEmpty());
        QCOMPARE(coat->text(ConceptPanel::StatusColumn), QStringLiteral("learning"));
    }

    void activatingAConceptNamesIt()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy activated(&panel, &ConceptPanel::conceptActivated);
        panel.tree()->setCurrentItem(panel.itemOf(108));
        QTest::keyClick(panel.tree(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), qint64(108));
        // A primary is not a concept.
        panel.tree()->setCurrentItem(topItem(panel, QStringLiteral("tops")));
        QTest::keyClick(panel.tree(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
    }

    void screenshot()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.setChecked({QStringLiteral("Coat"), QStringLiteral("Shirt"), QStringLiteral("Sneaker"),
                          QStringLiteral("Sandal"), QStringLiteral("Ankle boot")});
        panel.setStatus(QStringLiteral("Coat"), ConceptPanel::Status::Learned, 0.912, 0.284);
        panel.setStatus(QStringLiteral("Sandal"), ConceptPanel::Status::Learned, 0.978, 0.193);
        panel.setStatus(QStringLiteral("Sneaker"), ConceptPanel::Status::Learned, 0.955, 0.201);
        panel.setStatus(QStringLiteral("Ankle boot"), ConceptPanel::Status::Learning);
        panel.resize(420, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        saveScreenshot(panel, QStringLiteral("concept-panel.png"));
        panel.setFilterText(QStringLiteral("sh"));
        saveScreenshot(panel, QStringLiteral("concept-panel-search.png"));
    }
};

QTEST_MAIN(TestConceptPanel)
#include "tst_conceptpanel.moc"
