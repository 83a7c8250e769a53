#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QStringList>
#include <QVector>

#include <limits>

namespace nad {

// The concepts to learn paths for, as the concept panel shows them: primary concepts
// (hierarchy order) holding their concepts, each concept with a check box, its learning status,
// path precision, unit usage (mean per block, as Fig. 4), AUROC and the knockout drop.
// Checking a primary checks all of its concepts; a primary with some of them checked is
// partially checked. Concepts with no primary sit at the top level after the groups (a
// synthetic "Other" group could clash with a real primary of that name, e.g. Fashion-MNIST's
// "others"). Fed with plain values; knows nothing about the project file or the engine.
// Colours and fonts are the view's business (it reads KindRole, StatusRole, DegenerateRole).
class ConceptTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    struct ConceptEntry
    {
        qint64 id = 0;
        QString name;
        QString primary;           // empty: no primary concept
        int primaryPosition = -1;  // the primary's place in the hierarchy, -1: first seen order
        int trainImages = 0;
    };
    enum class Status { NotLearned, Learning, Learned };
    // What the evaluation says of a learned path beyond precision and usage (NaN: not known).
    struct PathDetails
    {
        double auroc = std::numeric_limits<double>::quiet_NaN();          // one-vs-rest, under the path
        double originalAuroc = std::numeric_limits<double>::quiet_NaN();  // the same, unmasked
        double knockoutDrop = std::numeric_limits<double>::quiet_NaN();   // accuracy lost, own units off
        double randomDrop = std::numeric_limits<double>::quiet_NaN();     // the control: as many random units
        double randomDropStd = std::numeric_limits<double>::quiet_NaN();
        double steps = std::numeric_limits<double>::quiet_NaN();  // steps learning took (mean over inits)
        bool noOwnUnits = false;                                  // the knockout found no unit of its own to switch off
        bool degenerate = false;                                  // PathEvaluator::isDegenerate
    };
    enum Column { NameColumn, StatusColumn, PrecisionColumn, UsageColumn, AurocColumn, KnockoutColumn, ColumnCount };
    // The values the panel's QTreeWidgetItem types had.
    enum ItemKind { GroupItem = 1001, ConceptItem };
    enum Role {
        IdRole = Qt::UserRole + 1,  // ConceptItem: the concept's id
        KindRole,                   // an ItemKind
        StatusRole,                 // ConceptItem: its Status as an int
        DegenerateRole,             // ConceptItem: its learned path is degenerate
    };

    explicit ConceptTreeModel(QObject* parent = nullptr);

    // Replaces the concepts; every concept starts unchecked and not learned.
    void setConcepts(const QVector<ConceptEntry>& concepts);
    const QVector<ConceptEntry>& concepts() const { return m_entries; }
    // Checked concepts in setConcepts() order.
    QVector<qint64> checkedConcepts() const;
    QStringList checkedNames() const;
    // Exactly these concepts checked (names or ids not found are ignored); emits checkedChanged
    // once if that changes the selection.
    void setChecked(const QStringList& names);
    void setCheckedIds(const QVector<qint64>& ids);

    // Precision and usage are fractions in [0, 1], shown as percentages; NaN: not known.
    // Anything but Learned clears the details too (they belonged to the last evaluation).
    void setStatus(qint64 id, Status status, double precision = std::numeric_limits<double>::quiet_NaN(),
                   double usage = std::numeric_limits<double>::quiet_NaN());
    void setStatus(const QString& name, Status status, double precision = std::numeric_limits<double>::quiet_NaN(),
                   double usage = std::numeric_limits<double>::quiet_NaN());
    // AUROC and the knockout drop in their columns, the rest in the metric columns' tooltip;
    // a degenerate path's status reads "degenerate".
    void setDetails(const QString& name, const PathDetails& details);
    void clearStatuses();
    Status status(qint64 id) const;

    // The concept's index in `column`; invalid if unknown.
    QModelIndex indexOf(qint64 id, int column = NameColumn) const;
    static QString statusText(Status status);

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // Qt::CheckStateRole in the name column: a concept follows the value; a primary's concepts
    // all follow it (a partial value counts as checked, as a click on a partial box does).
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

Q_SIGNALS:
    // The set of checked concepts changed (once per change, however many rows it touched).
    void checkedChanged();

private:
    // Per concept, in setConcepts() order (the same index as m_entries).
    struct State
    {
        bool checked = false;
        Status status = Status::NotLearned;
        double precision = std::numeric_limits<double>::quiet_NaN();
        double usage = std::numeric_limits<double>::quiet_NaN();
        PathDetails details;
        int group = -1;  // index into m_groups, -1: top level
        int row = 0;     // row under its group, or among the top-level rows
    };
    struct Group
    {
        QString name;
        QVector<int> members;  // concept indices, in setConcepts() order
    };

    int conceptAt(const QModelIndex& index) const;  // -1 for a group
    int groupAt(const QModelIndex& index) const;    // -1 for a concept
    Qt::CheckState groupState(int group) const;
    QString groupStatus(int group) const;
    QString toolTip(int concept, int column) const;
    QModelIndex conceptIndex(int concept, int column) const;
    QModelIndex groupIndex(int group, int column) const;
    // Emits dataChanged for the concept's row and its group's row.
    void conceptChanged(int concept);
    // Emits dataChanged for these columns of every row.
    void allRowsChanged(int firstColumn, int lastColumn, const QList<int>& roles);
    void emitIfSelectionChanged(const QVector<qint64>& before);

    QVector<ConceptEntry> m_entries;
    QVector<State> m_state;
    QVector<Group> m_groups;
    QVector<int> m_ungrouped;  // the top-level concepts after the groups
    QHash<qint64, int> m_byId;
};

}  // namespace nad
