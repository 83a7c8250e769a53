#include "ConceptPanel.h"

#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTreeView>
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

// A top-level row the tree shows (the search may hide it: then invalid).
QModelIndex topItem(const ConceptPanel& panel, const QString& text)
{
    const QAbstractItemModel* model = panel.tree()->model();
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->index(i, 0).data().toString() == text)
            return model->index(i, 0);
    return {};
}

Qt::CheckState checkState(const QModelIndex& index)
{
    return Qt::CheckState(index.data(Qt::CheckStateRole).toInt());
}

// What a click on an item's box does: the view's delegate sets the next state on the model.
void setCheckState(const ConceptPanel& panel, const QModelIndex& index, Qt::CheckState state)
{
    QVERIFY(index.isValid());
    QVERIFY(panel.tree()->model()->flags(index) & Qt::ItemIsUserCheckable);
    QVERIFY(panel.tree()->model()->setData(index, state, Qt::CheckStateRole));
}

QString text(const ConceptPanel& panel, qint64 id, int column)
{
    return panel.itemOf(id, column).data().toString();
}

QString toolTip(const ConceptPanel& panel, qint64 id, int column)
{
    return panel.itemOf(id, column).data(Qt::ToolTipRole).toString();
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
        const QAbstractItemModel* tree = panel.tree()->model();
        QCOMPARE(tree->rowCount(), 4);
        QCOMPARE(tree->index(0, 0).data().toString(), QStringLiteral("tops"));
        QCOMPARE(tree->index(1, 0).data().toString(), QStringLiteral("footwear"));
        QCOMPARE(tree->index(2, 0).data().toString(), QStringLiteral("others"));
        // The concept without a primary sits at the top level, after the groups.
        QCOMPARE(tree->index(3, 0).data().toString(), QStringLiteral("Mystery"));
        QCOMPARE(tree->index(3, 0).data(ConceptTreeModel::KindRole).toInt(), int(ConceptTreeModel::ConceptItem));
        const QModelIndex tops = tree->index(0, 0);
        QCOMPARE(tree->rowCount(tops), 5);
        QCOMPARE(tree->index(0, 0, tops).data().toString(), QStringLiteral("T-shirt/top"));
        QCOMPARE(tree->index(4, 0, tops).data().toString(), QStringLiteral("Shirt"));
        QCOMPARE(tree->index(2, 0, tops).data(ConceptTreeModel::IdRole).toLongLong(), qint64(103));  // Dress
        QVERIFY(panel.findChild<QLineEdit*>(QStringLiteral("conceptSearch")));
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("selectAllConcepts")));
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("selectNoConcepts")));
        QVERIFY(panel.checkedConcepts().isEmpty());
        QCOMPARE(text(panel, 104, ConceptTreeModel::StatusColumn), QStringLiteral("not learned"));
        // Primaries open and in bold.
        QVERIFY(panel.tree()->isExpanded(tops));
        QVERIFY(tops.data(Qt::FontRole).value<QFont>().bold());
    }

    void searchFiltersRows()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.show();
        // Typed into the search field, in any case.
        QTest::keyClicks(panel.searchEdit(), QStringLiteral("SHI"));
        QCOMPARE(panel.filterText(), QStringLiteral("SHI"));
        QCOMPARE(panel.visibleNames(), (QStringList{QStringLiteral("T-shirt/top"), QStringLiteral("Shirt")}));
        QVERIFY(!topItem(panel, QStringLiteral("footwear")).isValid());
        QVERIFY(topItem(panel, QStringLiteral("tops")).isValid());
        QVERIFY(!panel.itemOf(102).isValid());  // Pullover
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
        // Primaries the search brought back are open again.
        QVERIFY(panel.tree()->isExpanded(topItem(panel, QStringLiteral("footwear"))));
        QVERIFY(panel.tree()->isExpanded(topItem(panel, QStringLiteral("others"))));
    }

    void checkingAPrimaryChecksItsConcepts()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        QSignalSpy changed(&panel, &ConceptPanel::checkedChanged);
        const QModelIndex footwear = topItem(panel, QStringLiteral("footwear"));
        setCheckState(panel, footwear, Qt::Checked);  // what a click on its box does
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{105, 107, 109}));
        QCOMPARE(panel.checkedNames(),
                 (QStringList{QStringLiteral("Sandal"), QStringLiteral("Sneaker"), QStringLiteral("Ankle boot")}));
        QCOMPARE(changed.count(), 1);  // once, not once per concept
        // One concept off: the primary is partly checked.
        setCheckState(panel, panel.itemOf(107), Qt::Unchecked);
        QCOMPARE(checkState(footwear), Qt::PartiallyChecked);
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{105, 109}));
        QCOMPARE(changed.count(), 2);
        // Clicking a partly checked primary checks all of it; again unchecks all.
        setCheckState(panel, footwear, Qt::Checked);
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{105, 107, 109}));
        setCheckState(panel, footwear, Qt::Unchecked);
        QVERIFY(panel.checkedConcepts().isEmpty());
        QCOMPARE(checkState(topItem(panel, QStringLiteral("tops"))), Qt::Unchecked);
        // All of a group checked one by one checks the group.
        setCheckState(panel, panel.itemOf(101), Qt::Checked);
        setCheckState(panel, panel.itemOf(108), Qt::Checked);
        QCOMPARE(checkState(topItem(panel, QStringLiteral("others"))), Qt::Checked);
        QCOMPARE(panel.checkedNames(), (QStringList{QStringLiteral("Trouser"), QStringLiteral("Bag")}));
    }

    void clickingABoxChecksIt()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.resize(420, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy changed(&panel, &ConceptPanel::checkedChanged);
        // A real click on the box of "footwear" (the view's delegate and the model's flags).
        QTreeView* tree = panel.tree();
        const QModelIndex footwear = topItem(panel, QStringLiteral("footwear"));
        QStyleOptionViewItem option;
        option.initFrom(tree);
        option.rect = tree->visualRect(footwear);
        option.features |= QStyleOptionViewItem::HasCheckIndicator;
        const QRect box = tree->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, tree);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, box.center());
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{105, 107, 109}));
        QCOMPARE(changed.count(), 1);
    }

    void selectAllNoneAndByName()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        QSignalSpy changed(&panel, &ConceptPanel::checkedChanged);
        panel.setChecked({QStringLiteral("Coat"), QStringLiteral("Bag"), QStringLiteral("no such concept")});
        QCOMPARE(panel.checkedConcepts(), (QVector<qint64>{104, 108}));
        QCOMPARE(checkState(topItem(panel, QStringLiteral("tops"))), Qt::PartiallyChecked);
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
        QCOMPARE(checkState(topItem(panel, QStringLiteral("tops"))), Qt::Checked);
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("selectNoConcepts")), Qt::LeftButton);
        QVERIFY(panel.checkedConcepts().isEmpty());
        QCOMPARE(checkState(topItem(panel, QStringLiteral("tops"))), Qt::Unchecked);
    }

    void statusShowsPrecisionAndUsage()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.setStatus(qint64(104), ConceptPanel::Status::Learned, 0.934, 0.2712);
        QCOMPARE(text(panel, 104, ConceptTreeModel::StatusColumn), QStringLiteral("learned"));
        QCOMPARE(text(panel, 104, ConceptTreeModel::PrecisionColumn), QStringLiteral("93.4 %"));
        QCOMPARE(text(panel, 104, ConceptTreeModel::UsageColumn), QStringLiteral("27.1 %"));
        QCOMPARE(panel.status(104), ConceptPanel::Status::Learned);
        const QModelIndex topsStatus =
            topItem(panel, QStringLiteral("tops")).siblingAtColumn(ConceptTreeModel::StatusColumn);
        QCOMPARE(topsStatus.data().toString(), QStringLiteral("1/5 learned"));
        panel.setStatus(QStringLiteral("Sneaker"), ConceptPanel::Status::Learning);
        QCOMPARE(text(panel, 107, ConceptTreeModel::StatusColumn), QStringLiteral("learning"));
        QVERIFY(text(panel, 107, ConceptTreeModel::PrecisionColumn).isEmpty());
        // Grey until learned.
        const auto statusColour = [&](qint64 id) {
            return panel.itemOf(id, ConceptTreeModel::StatusColumn).data(Qt::ForegroundRole).value<QBrush>().color();
        };
        QCOMPARE(statusColour(107), panel.tree()->palette().color(QPalette::Disabled, QPalette::Text));
        QVERIFY(statusColour(104) != statusColour(107));
        // Statuses do not touch the selection.
        QVERIFY(panel.checkedConcepts().isEmpty());
        panel.clearStatuses();
        QCOMPARE(text(panel, 104, ConceptTreeModel::StatusColumn), QStringLiteral("not learned"));
        QVERIFY(text(panel, 104, ConceptTreeModel::PrecisionColumn).isEmpty());
        QCOMPARE(topsStatus.data().toString(), QStringLiteral("0/5 learned"));
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
        QCOMPARE(text(panel, 104, ConceptTreeModel::AurocColumn), QStringLiteral("0.912"));
        QCOMPARE(text(panel, 104, ConceptTreeModel::KnockoutColumn), QStringLiteral("45.0 (rnd 2.0)"));
        QVERIFY2(toolTip(panel, 104, ConceptTreeModel::AurocColumn).contains(QStringLiteral("129 steps")),
                 qPrintable(toolTip(panel, 104, ConceptTreeModel::AurocColumn)));
        QCOMPARE(text(panel, 104, ConceptTreeModel::StatusColumn), QStringLiteral("learned"));
        QVERIFY(!panel.itemOf(104).data(Qt::ForegroundRole).isValid());
        details.degenerate = true;
        panel.setDetails(QStringLiteral("Coat"), details);
        QCOMPARE(text(panel, 104, ConceptTreeModel::StatusColumn), QStringLiteral("degenerate"));
        QVERIFY(toolTip(panel, 104, ConceptTreeModel::PrecisionColumn).contains(QStringLiteral("Degenerate")));
        // The name is flagged in colour.
        QCOMPARE(panel.itemOf(104).data(Qt::ForegroundRole).value<QBrush>().color(), QColor(190, 60, 0));
        // A path without units of its own has no knockout drop to show, and says why.
        ConceptPanel::PathDetails shared;
        shared.noOwnUnits = true;
        panel.setDetails(QStringLiteral("Coat"), shared);
        QCOMPARE(text(panel, 104, ConceptTreeModel::KnockoutColumn), QStringLiteral("no own units"));
        QVERIFY(toolTip(panel, 104, ConceptTreeModel::KnockoutColumn).contains(QStringLiteral("No units of its own")));
        // Learning again clears what the last evaluation said.
        panel.setStatus(qint64(104), ConceptPanel::Status::Learning);
        QVERIFY(text(panel, 104, ConceptTreeModel::AurocColumn).isEmpty());
        QVERIFY(text(panel, 104, ConceptTreeModel::KnockoutColumn).isEmpty());
        QCOMPARE(text(panel, 104, ConceptTreeModel::StatusColumn), QStringLiteral("learning"));
    }

    void activatingAConceptNamesIt()
    {
        ConceptPanel panel;
        panel.setConcepts(fashionConcepts());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy activated(&panel, &ConceptPanel::conceptActivated);
        panel.tree()->setCurrentIndex(panel.itemOf(108));
        QTest::keyClick(panel.tree(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), qint64(108));
        // A primary is not a concept.
        panel.tree()->setCurrentIndex(topItem(panel, QStringLiteral("tops")));
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
