#pragma once

#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace nad {

// The project explorer's tree: three sections (data sets, models, runs); a data set holds its
// concepts grouped by primary concept (hierarchy order, the ungrouped ones last), runs are
// listed newest first. Item: the name. Summary: the one fact to scan for (train / test images,
// test accuracy, run status). Details: the rest, spelled out in every column's tooltip.
// Fed with plain records read from the project file; knows nothing about SQLite. Fonts,
// colours and icons are the view's business (it reads KindRole, StatusRole, ImportedRole).
class ProjectTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // The values QTreeWidgetItem::UserType + 1... the explorer used before it had a model.
    enum ItemKind { DatasetItem = 1001, GroupItem, ConceptItem, SectionItem, ModelItem, RunItem };
    enum Column { ItemColumn = 0, SummaryColumn, DetailsColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,  // the record's id (data set, concept, model, run)
        StatusRole,                 // RunItem: its RunStatus, as an int
        KindRole,                   // an ItemKind
        ImportedRole,               // ModelItem: an imported TorchScript model, not a zoo model
    };

    explicit ProjectTreeModel(QObject* parent = nullptr);
    ~ProjectTreeModel() override;

    // When `models` or `runs` is empty, the section header falls back to the counts in `info`
    // (so the two-argument form shows the numbers without the lists).
    void setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts,
                    const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs);
    void setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts);
    // No project: no rows at all (not even the sections).
    void clear();

    static ItemKind kind(const QModelIndex& index);

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    struct Node;

private:
    const Node* node(const QModelIndex& index) const;

    std::unique_ptr<Node> m_root;
};

}  // namespace nad
