#pragma once

#include "ProjectTreeModel.h"

#include <QTreeView>

#include <vector>

namespace nad {

// The project explorer: a tree view on a ProjectTreeModel (data sets with their concepts
// grouped by primary concept, models and runs; the model holds every rule of what is listed and
// how). The view adds what needs a screen: bold section headers, an imported model's details
// in italics, a run's status in colour with an icon, and which rows start expanded.
// Concept selection for learning lives in ConceptPanel; here concepts are only browsed.
class ProjectExplorerWidget : public QTreeView
{
    Q_OBJECT
public:
    using ItemKind = ProjectTreeModel::ItemKind;
    using Column = ProjectTreeModel::Column;
    static constexpr ItemKind DatasetItem = ProjectTreeModel::DatasetItem;
    static constexpr ItemKind GroupItem = ProjectTreeModel::GroupItem;
    static constexpr ItemKind ConceptItem = ProjectTreeModel::ConceptItem;
    static constexpr ItemKind SectionItem = ProjectTreeModel::SectionItem;
    static constexpr ItemKind ModelItem = ProjectTreeModel::ModelItem;
    static constexpr ItemKind RunItem = ProjectTreeModel::RunItem;
    static constexpr Column ItemColumn = ProjectTreeModel::ItemColumn;
    static constexpr Column SummaryColumn = ProjectTreeModel::SummaryColumn;
    static constexpr Column DetailsColumn = ProjectTreeModel::DetailsColumn;
    static constexpr int IdRole = ProjectTreeModel::IdRole;
    static constexpr int StatusRole = ProjectTreeModel::StatusRole;
    static constexpr int KindRole = ProjectTreeModel::KindRole;

    explicit ProjectExplorerWidget(QWidget* parent = nullptr);

    // Runs are listed newest first. When `models` or `runs` is empty, the section header falls
    // back to the counts in `info` (so the two-argument form shows what it showed before).
    void setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts,
                    const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs);
    void setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts);
    void clearProject();

    // The rules and texts; model() is the view's own layer on top (fonts, colours, icons), with
    // the same rows.
    ProjectTreeModel* projectModel() const { return m_model; }

Q_SIGNALS:
    void datasetSelected(qint64 datasetId);
    void conceptSelected(qint64 conceptId);
    void modelSelected(qint64 modelId);
    void runSelected(qint64 runId);

private:
    void showNewProject();
    void onCurrentChanged(const QModelIndex& current);

    ProjectTreeModel* m_model = nullptr;
};

}  // namespace nad
