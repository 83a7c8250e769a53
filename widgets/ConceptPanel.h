#pragma once

#include <QHash>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <limits>

class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace nad {

// The concepts to learn paths for: a search field, then a tree of primary concepts (hierarchy
// order) with their concepts, each with a check box, its learning status, path precision, unit
// usage (mean per block, as Fig. 4), AUROC and the knockout drop. Checking a primary concept checks all of its
// concepts; a primary with some of them checked shows a partial check. Concepts with no primary concept sit at the top
// level, after the groups (a synthetic "Other" group could clash with a real primary of that name, e.g. Fashion-MNIST's
// "others"). Fed with plain values; knows nothing about the project file or the engine.
class ConceptPanel : public QWidget
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
    enum Column { NameColumn, StatusColumn, PrecisionColumn, UsageColumn, AurocColumn, KnockoutColumn };
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
    enum ItemKind { GroupItem = 1001, ConceptItem };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ConceptPanel(QWidget* parent = nullptr);

    // Replaces the concepts; every concept starts unchecked and not learned.
    void setConcepts(const QVector<ConceptEntry>& concepts);
    QVector<ConceptEntry> concepts() const { return m_concepts; }
    // Checked concepts in setConcepts() order.
    QVector<qint64> checkedConcepts() const;
    QStringList checkedNames() const;
    // Exactly these concepts checked (names not found are ignored); emits checkedChanged once
    // if that changes the selection.
    void setChecked(const QStringList& names);
    void setCheckedIds(const QVector<qint64>& ids);

    // Precision and usage are fractions in [0, 1], shown as percentages; NaN: not known.
    void setStatus(qint64 id, Status status, double precision = std::numeric_limits<double>::quiet_NaN(),
                   double usage = std::numeric_limits<double>::quiet_NaN());
    void setStatus(const QString& name, Status status, double precision = std::numeric_limits<double>::quiet_NaN(),
                   double usage = std::numeric_limits<double>::quiet_NaN());
    // AUROC and the knockout drop in their columns, the rest in the row's tooltip; a degenerate
    // path's name is flagged. Cleared by setStatus to anything but Learned.
    void setDetails(const QString& name, const PathDetails& details);
    void clearStatuses();
    Status status(qint64 id) const;

    // The search text: concepts whose name (or whose primary's name) contains it, ignoring case.
    void setFilterText(const QString& text);
    QString filterText() const;
    // Concept names the filter currently shows, in tree order.
    QStringList visibleNames() const;

    QTreeWidget* tree() const { return m_tree; }
    QLineEdit* searchEdit() const { return m_search; }
    // The tree item of a concept, for tests and the main window; nullptr if unknown.
    QTreeWidgetItem* itemOf(qint64 id) const { return m_items.value(id, nullptr); }

public Q_SLOTS:
    // "Select all" checks the concepts the filter shows (all of them with no filter); "None"
    // unchecks every concept.
    void selectAllShown();
    void selectNone();

Q_SIGNALS:
    void checkedChanged();
    void conceptActivated(qint64 id);

private:
    void onItemChanged(QTreeWidgetItem* item, int column);
    void applyFilter();
    void updateGroupState(QTreeWidgetItem* group);
    void updateGroupSummary(QTreeWidgetItem* group);
    void emitIfSelectionChanged();
    QString statusText(Status status) const;
    void showDetails(QTreeWidgetItem* item, const PathDetails& details);

    QLineEdit* m_search = nullptr;
    QTreeWidget* m_tree = nullptr;
    QPushButton* m_all = nullptr;
    QPushButton* m_none = nullptr;
    QVector<ConceptEntry> m_concepts;
    QHash<qint64, QTreeWidgetItem*> m_items;
    QHash<qint64, Status> m_status;
    QVector<qint64> m_lastChecked;
    bool m_updating = false;  // while the panel changes check states itself
};

}  // namespace nad
