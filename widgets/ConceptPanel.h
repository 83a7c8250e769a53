#pragma once

#include "ConceptTreeModel.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

#include <limits>

class QLineEdit;
class QModelIndex;
class QPushButton;
class QTreeView;

namespace nad {

class ConceptFilterModel;

// The concepts to learn paths for: a search field, then a tree view on a ConceptTreeModel
// (primary concepts in hierarchy order with their concepts, check boxes, learning status,
// precision, usage, AUROC, knockout; the model holds the checking rules and the texts) through
// a ConceptFilterModel (the search). The panel adds what needs a screen: bold primaries, grey
// statuses until learned, a degenerate path's name in colour, the buttons.
// Fed with plain values; knows nothing about the project file or the engine.
class ConceptPanel : public QWidget
{
    Q_OBJECT
public:
    using ConceptEntry = ConceptTreeModel::ConceptEntry;
    using Status = ConceptTreeModel::Status;
    using PathDetails = ConceptTreeModel::PathDetails;

    explicit ConceptPanel(QWidget* parent = nullptr);

    // Replaces the concepts; every concept starts unchecked and not learned.
    void setConcepts(const QVector<ConceptEntry>& concepts);
    QVector<ConceptEntry> concepts() const { return m_model->concepts(); }
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

    QTreeView* tree() const { return m_tree; }
    QLineEdit* searchEdit() const { return m_search; }
    ConceptTreeModel* model() const { return m_model; }
    // The concept's row in the tree view's model (column `column`), for tests and the main
    // window; invalid if unknown or hidden by the search.
    QModelIndex itemOf(qint64 id, int column = ConceptTreeModel::NameColumn) const;

public Q_SLOTS:
    // "Select all" checks the concepts the filter shows (all of them with no filter); "None"
    // unchecks every concept.
    void selectAllShown();
    void selectNone();

Q_SIGNALS:
    void checkedChanged();
    void conceptActivated(qint64 id);

private:
    QLineEdit* m_search = nullptr;
    QTreeView* m_tree = nullptr;
    QPushButton* m_all = nullptr;
    QPushButton* m_none = nullptr;
    ConceptTreeModel* m_model = nullptr;
    ConceptFilterModel* m_filter = nullptr;
};

}  // namespace nad
