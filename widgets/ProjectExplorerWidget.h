#pragma once

#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QTreeWidget>

#include <vector>

namespace nad {

// The project explorer: data sets with their concepts grouped by primary concept, models and
// runs. Fed with plain records read from the project file; knows nothing about SQLite.
// Concept selection for learning lives in ConceptPanel; here concepts are only browsed.
class ProjectExplorerWidget : public QTreeWidget
{
    Q_OBJECT
public:
    enum ItemKind {
        DatasetItem = QTreeWidgetItem::UserType + 1,
        GroupItem,
        ConceptItem,
        SectionItem,
        ModelItem,
        RunItem
    };
    // Item: the name. Summary: the one fact to scan for (train / test images, test accuracy,
    // run status). Details: the rest, elided in a narrow dock and spelled out in the tooltip.
    enum Column { ItemColumn = 0, SummaryColumn, DetailsColumn, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    // RunItem: the run's status as stored ("finished", "interrupted", "running", "pending").
    static constexpr int StatusRole = Qt::UserRole + 2;

    explicit ProjectExplorerWidget(QWidget* parent = nullptr);

    // Runs are listed newest first. When `models` or `runs` is empty, the section header falls
    // back to the counts in `info` (so the two-argument form shows what it showed before).
    void setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts,
                    const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs);
    void setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts);
    void clearProject();

Q_SIGNALS:
    void datasetSelected(qint64 datasetId);
    void conceptSelected(qint64 conceptId);
    void modelSelected(qint64 modelId);
    void runSelected(qint64 runId);

private:
    QTreeWidgetItem* addSection(const QString& text);
    void addDataset(QTreeWidgetItem* section, const DatasetRecord& dataset, const std::vector<ConceptRecord>& concepts);
    void addModel(QTreeWidgetItem* section, const ModelRecord& model);
    void addRun(QTreeWidgetItem* section, const RunRecord& run, const std::vector<ConceptRecord>& concepts,
                const std::vector<ModelRecord>& models);
    void onCurrentItemChanged(QTreeWidgetItem* current);
};

}  // namespace nad
