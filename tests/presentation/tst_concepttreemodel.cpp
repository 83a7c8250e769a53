#include "ConceptFilterModel.h"
#include "ConceptTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace nad;

namespace {

using Status = ConceptTreeModel::Status;

// Fashion-MNIST's classes in class order with the built-in hierarchy, plus one concept with
// no primary concept. Ids are 100 + class index.
QVector<ConceptTreeModel::ConceptEntry> fashionConcepts()
{
    const QStringList names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                               "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    const QStringList primary = {"tops",     "others", "tops",     "tops",   "tops",
                                 "footwear", "tops",   "footwear", "others", "footwear"};
    // "others" comes first in class order but last in the hierarchy.
    const QHash<QString, int> position = {{"tops", 0}, {"footwear", 1}, {"others", 2}};
    QVector<ConceptTreeModel::ConceptEntry> concepts;
    for (int c = 0; c < names.size(); ++c)
        concepts.push_back({100 + c, names[c], primary[c], position[primary[c]], 6000});
    concepts.push_back({200, QStringLiteral("Mystery"), QString(), -1, 12});
    return concepts;
}

// The models are checked by QAbstractItemModelTester (fatal) for as long as a suite holds them.
struct Fixture
{
    ConceptTreeModel model;
    ConceptFilterModel filter;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> filterTester;

    Fixture()
    {
        filter.setSourceModel(&model);
        modelTester =
            std::make_unique<QAbstractItemModelTester>(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        filterTester =
            std::make_unique<QAbstractItemModelTester>(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConcepts(fashionConcepts());
    }
    QModelIndex top(const QString& name) const
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data().toString() == name)
                return model.index(row, 0);
        return {};
    }
    Qt::CheckState check(const QModelIndex& index) const
    {
        return Qt::CheckState(index.data(Qt::CheckStateRole).toInt());
    }
    Qt::CheckState check(qint64 id) const { return check(model.indexOf(id)); }
    QString text(qint64 id, int column) const { return model.indexOf(id, column).data().toString(); }
    // What a click on a box does: QStyledItemDelegate sets the next state through setData.
    bool click(const QModelIndex& index) const
    {
        const Qt::CheckState next = check(index) == Qt::Checked ? Qt::Unchecked : Qt::Checked;
        return const_cast<ConceptTreeModel&>(model).setData(index, next, Qt::CheckStateRole);
    }
};

}  // namespace

class TestConceptTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsFollowTheHierarchy()
    {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(f.model.columnCount(), int(ConceptTreeModel::ColumnCount));
        QStringList tops;
        for (int row = 0; row < 4; ++row)
            tops << f.model.index(row, 0).data().toString();
        // Groups in hierarchy order; the concept without a primary at the top level, after them.
        QCOMPARE(tops, (QStringList{"tops", "footwear", "others", "Mystery"}));
        QCOMPARE(f.model.index(3, 0).data(ConceptTreeModel::KindRole).toInt(), int(ConceptTreeModel::ConceptItem));
        QCOMPARE(f.model.index(3, 0).data(ConceptTreeModel::IdRole).toLongLong(), 200);
        const QModelIndex topsGroup = f.model.index(0, 0);
        QCOMPARE(topsGroup.data(ConceptTreeModel::KindRole).toInt(), int(ConceptTreeModel::GroupItem));
        QVERIFY(!topsGroup.data(ConceptTreeModel::IdRole).isValid());
        QCOMPARE(f.model.rowCount(topsGroup), 5);
        // Concepts keep their given order inside a group.
        QStringList topsConcepts;
        for (int row = 0; row < 5; ++row)
            topsConcepts << f.model.index(row, 0, topsGroup).data().toString();
        QCOMPARE(topsConcepts, (QStringList{"T-shirt/top", "Pullover", "Dress", "Coat", "Shirt"}));
        QCOMPARE(f.model.index(2, 0, topsGroup).data(ConceptTreeModel::IdRole).toLongLong(), 103);  // Dress
        QCOMPARE(f.model.indexOf(103), f.model.index(2, 0, topsGroup));
        QCOMPARE(f.model.indexOf(103).parent(), topsGroup);
        QVERIFY(!f.model.indexOf(999).isValid());
        QCOMPARE(f.text(104, ConceptTreeModel::StatusColumn), QStringLiteral("not learned"));
        QCOMPARE(topsGroup.siblingAtColumn(ConceptTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("0/5 learned"));
        QCOMPARE(f.model.indexOf(104).data(Qt::ToolTipRole).toString(), QStringLiteral("Coat: 6000 training image(s)"));
        QVERIFY(f.model.checkedConcepts().isEmpty());
        QCOMPARE(f.check(topsGroup), Qt::Unchecked);
        // Only the name column has a box; nobody asks for a partial state by clicking.
        QVERIFY(f.model.flags(topsGroup) & Qt::ItemIsUserCheckable);
        QVERIFY(f.model.flags(f.model.indexOf(104)) & Qt::ItemIsUserCheckable);
        QVERIFY(!(f.model.flags(f.model.indexOf(104)) & Qt::ItemIsUserTristate));
        QVERIFY(!(f.model.flags(f.model.indexOf(104, ConceptTreeModel::StatusColumn)) & Qt::ItemIsUserCheckable));
        QVERIFY(!f.model.indexOf(104, ConceptTreeModel::StatusColumn).data(Qt::CheckStateRole).isValid());
        QCOMPARE(f.model.headerData(ConceptTreeModel::UsageColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Usage/block"));
        QVERIFY(f.model.headerData(ConceptTreeModel::KnockoutColumn, Qt::Horizontal, Qt::ToolTipRole).isValid());
    }

    void checkingAPrimaryChecksItsConcepts()
    {
        Fixture f;
        QSignalSpy changed(&f.model, &ConceptTreeModel::checkedChanged);
        QSignalSpy cells(&f.model, &QAbstractItemModel::dataChanged);
        const QModelIndex footwear = f.top(QStringLiteral("footwear"));
        QVERIFY(f.click(footwear));
        QCOMPARE(f.model.checkedConcepts(), (QVector<qint64>{105, 107, 109}));
        QCOMPARE(f.model.checkedNames(), (QStringList{"Sandal", "Sneaker", "Ankle boot"}));
        QCOMPARE(f.check(footwear), Qt::Checked);
        QCOMPARE(changed.count(), 1);  // once, not once per concept
        QVERIFY(cells.count() >= 1);   // the views hear of it
        // One concept off: the primary is partly checked, and its box is told to repaint.
        cells.clear();
        QVERIFY(f.click(f.model.indexOf(107)));
        QCOMPARE(f.check(footwear), Qt::PartiallyChecked);
        QCOMPARE(f.model.checkedConcepts(), (QVector<qint64>{105, 109}));
        QCOMPARE(changed.count(), 2);
        bool groupCellChanged = false;
        for (const auto& args : cells)
            groupCellChanged |= args.at(0).toModelIndex() == footwear;
        QVERIFY(groupCellChanged);
        // Clicking a partly checked primary checks all of it; again unchecks all.
        QVERIFY(f.click(footwear));
        QCOMPARE(f.model.checkedConcepts(), (QVector<qint64>{105, 107, 109}));
        QVERIFY(f.click(footwear));
        QVERIFY(f.model.checkedConcepts().isEmpty());
        QCOMPARE(f.check(f.top(QStringLiteral("tops"))), Qt::Unchecked);
        // A partial value set on a primary counts as checked.
        QVERIFY(f.model.setData(footwear, Qt::PartiallyChecked, Qt::CheckStateRole));
        QCOMPARE(f.check(footwear), Qt::Checked);
        QVERIFY(f.click(footwear));
        // All of a group checked one by one checks the group.
        QVERIFY(f.click(f.model.indexOf(101)));
        QVERIFY(f.click(f.model.indexOf(108)));
        QCOMPARE(f.check(f.top(QStringLiteral("others"))), Qt::Checked);
        QCOMPARE(f.model.checkedNames(), (QStringList{"Trouser", "Bag"}));
        // The ungrouped concept checks on its own.
        QVERIFY(f.click(f.model.indexOf(200)));
        QCOMPARE(f.model.checkedConcepts(), (QVector<qint64>{101, 108, 200}));
        // Only check states are editable, and only in the name column.
        QVERIFY(!f.model.setData(f.model.indexOf(104), QStringLiteral("x"), Qt::EditRole));
        QVERIFY(
            !f.model.setData(f.model.indexOf(104, ConceptTreeModel::StatusColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 9);
    }

    void setCheckedByIdAndName()
    {
        Fixture f;
        QSignalSpy changed(&f.model, &ConceptTreeModel::checkedChanged);
        f.model.setChecked({"Coat", "Bag", "no such concept"});
        QCOMPARE(f.model.checkedConcepts(), (QVector<qint64>{104, 108}));
        QCOMPARE(f.check(f.top(QStringLiteral("tops"))), Qt::PartiallyChecked);
        QCOMPARE(f.check(f.top(QStringLiteral("footwear"))), Qt::Unchecked);
        QCOMPARE(changed.count(), 1);
        f.model.setChecked({"Bag", "Coat"});  // the same set: no signal
        QCOMPARE(changed.count(), 1);
        f.model.setCheckedIds({100, 102, 103, 104, 106, 999});
        QCOMPARE(f.check(f.top(QStringLiteral("tops"))), Qt::Checked);
        QCOMPARE(f.check(f.top(QStringLiteral("others"))), Qt::Unchecked);
        QCOMPARE(changed.count(), 2);
        // New concepts start unchecked: the selection changed, so that is said too.
        f.model.setConcepts(fashionConcepts());
        QVERIFY(f.model.checkedConcepts().isEmpty());
        QCOMPARE(changed.count(), 3);
        f.model.setConcepts({});
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(changed.count(), 3);
    }

    void statusPrecisionUsageAndDetails()
    {
        Fixture f;
        const QModelIndex tops = f.top(QStringLiteral("tops"));
        f.model.setStatus(qint64(104), Status::Learned, 0.934, 0.2712);
        QCOMPARE(f.text(104, ConceptTreeModel::StatusColumn), QStringLiteral("learned"));
        QCOMPARE(f.text(104, ConceptTreeModel::PrecisionColumn), QStringLiteral("93.4 %"));
        QCOMPARE(f.text(104, ConceptTreeModel::UsageColumn), QStringLiteral("27.1 %"));
        QCOMPARE(f.model.indexOf(104).data(ConceptTreeModel::StatusRole).toInt(), int(Status::Learned));
        QCOMPARE(f.model.indexOf(104, ConceptTreeModel::PrecisionColumn).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(f.model.status(104), Status::Learned);
        QCOMPARE(f.model.status(999), Status::NotLearned);
        QCOMPARE(tops.siblingAtColumn(ConceptTreeModel::StatusColumn).data().toString(), QStringLiteral("1/5 learned"));
        f.model.setStatus(QStringLiteral("Sneaker"), Status::Learning);
        QCOMPARE(f.text(107, ConceptTreeModel::StatusColumn), QStringLiteral("learning"));
        QVERIFY(f.text(107, ConceptTreeModel::PrecisionColumn).isEmpty());
        QVERIFY(f.model.checkedConcepts().isEmpty());  // statuses do not touch the selection

        ConceptTreeModel::PathDetails details;
        details.auroc = 0.9123;
        details.originalAuroc = 0.99;
        details.knockoutDrop = 0.45;
        details.randomDrop = 0.02;
        details.randomDropStd = 0.01;
        details.steps = 129;
        f.model.setDetails(QStringLiteral("Coat"), details);
        QCOMPARE(f.text(104, ConceptTreeModel::AurocColumn), QStringLiteral("0.912"));
        QCOMPARE(f.text(104, ConceptTreeModel::KnockoutColumn), QStringLiteral("45.0 (rnd 2.0)"));
        const QString tip = f.model.indexOf(104, ConceptTreeModel::AurocColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("129 steps")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("AUROC 0.912 (original network 0.990)")));
        QCOMPARE(f.model.indexOf(104, ConceptTreeModel::UsageColumn).data(Qt::ToolTipRole).toString(), tip);
        QCOMPARE(f.text(104, ConceptTreeModel::StatusColumn), QStringLiteral("learned"));
        QVERIFY(!f.model.indexOf(104).data(ConceptTreeModel::DegenerateRole).toBool());
        details.degenerate = true;
        f.model.setDetails(QStringLiteral("Coat"), details);
        QCOMPARE(f.text(104, ConceptTreeModel::StatusColumn), QStringLiteral("degenerate"));
        QVERIFY(f.model.indexOf(104).data(ConceptTreeModel::DegenerateRole).toBool());
        QVERIFY(f.model.indexOf(104, ConceptTreeModel::PrecisionColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Degenerate")));
        ConceptTreeModel::PathDetails shared;
        shared.noOwnUnits = true;
        f.model.setDetails(QStringLiteral("Coat"), shared);
        QCOMPARE(f.text(104, ConceptTreeModel::KnockoutColumn), QStringLiteral("no own units"));
        QVERIFY(f.model.indexOf(104, ConceptTreeModel::KnockoutColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("No units of its own")));
        // Learning again clears what the last evaluation said.
        f.model.setStatus(qint64(104), Status::Learning);
        QVERIFY(f.text(104, ConceptTreeModel::AurocColumn).isEmpty());
        QVERIFY(f.text(104, ConceptTreeModel::KnockoutColumn).isEmpty());
        QVERIFY(!f.model.indexOf(104, ConceptTreeModel::AurocColumn).data(Qt::ToolTipRole).isValid());
        QCOMPARE(f.text(104, ConceptTreeModel::StatusColumn), QStringLiteral("learning"));

        f.model.setStatus(qint64(105), Status::Learned, 0.5, 0.5);
        QSignalSpy cells(&f.model, &QAbstractItemModel::dataChanged);
        f.model.clearStatuses();
        QVERIFY(!cells.isEmpty());
        QCOMPARE(f.text(105, ConceptTreeModel::StatusColumn), QStringLiteral("not learned"));
        QVERIFY(f.text(105, ConceptTreeModel::PrecisionColumn).isEmpty());
        QCOMPARE(f.top(QStringLiteral("footwear")).siblingAtColumn(ConceptTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("0/3 learned"));
    }

    void searchShowsMatchingConceptsAndPrimaries()
    {
        Fixture f;
        QCOMPARE(f.filter.shownNames().size(), 11);
        f.filter.setFilterText(QStringLiteral("SHI"));
        QCOMPARE(f.filter.shownNames(), (QStringList{"T-shirt/top", "Shirt"}));
        QCOMPARE(f.filter.rowCount(), 1);  // only "tops" keeps a concept
        QCOMPARE(f.filter.index(0, 0).data().toString(), QStringLiteral("tops"));
        QVERIFY(!f.filter.mapFromSource(f.model.indexOf(102)).isValid());  // Pullover
        // A primary's name shows all of its concepts.
        f.filter.setFilterText(QStringLiteral("foot"));
        QCOMPARE(f.filter.shownNames(), (QStringList{"Sandal", "Sneaker", "Ankle boot"}));
        QCOMPARE(f.filter.shownConcepts(), (QVector<qint64>{105, 107, 109}));
        f.filter.setFilterText(QStringLiteral("myst"));
        QCOMPARE(f.filter.shownNames(), QStringList{"Mystery"});
        f.filter.setFilterText(QStringLiteral("nothing like this"));
        QVERIFY(f.filter.shownNames().isEmpty());
        QCOMPARE(f.filter.rowCount(), 0);
        // Blank is no filter; the text is kept trimmed.
        f.filter.setFilterText(QStringLiteral("  "));
        QCOMPARE(f.filter.shownNames().size(), 11);
        f.filter.setFilterText(QStringLiteral(" boot "));
        QCOMPARE(f.filter.filterText(), QStringLiteral("boot"));
        QCOMPARE(f.filter.shownNames(), QStringList{"Ankle boot"});
        // Checking through the filter reaches the model; the model's rules apply.
        const QModelIndex footwear = f.filter.index(0, 0);
        QVERIFY(f.filter.setData(footwear, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(f.model.checkedConcepts(), (QVector<qint64>{105, 107, 109}));
        // New concepts under a filter: it still applies.
        f.model.setConcepts(fashionConcepts());
        QCOMPARE(f.filter.shownNames(), QStringList{"Ankle boot"});
        f.filter.setFilterText(QString());
        QCOMPARE(f.filter.shownNames().first(), QStringLiteral("T-shirt/top"));
        QCOMPARE(f.filter.shownNames().last(), QStringLiteral("Mystery"));
    }
};

QTEST_GUILESS_MAIN(TestConceptTreeModel)
#include "tst_concepttreemodel.moc"
