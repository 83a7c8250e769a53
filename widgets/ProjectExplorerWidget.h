#pragma once

#include "store/ProjectStore.h"

#include <QTreeWidget>

namespace nad {

// The project explorer: data sets with their concepts grouped by primary concept, models and
// runs. Fed with plain records read from the project file; knows nothing about SQLite.
class ProjectExplorerWidget : public QTreeWidget
{
    Q_OBJECT
public:
    enum ItemKind { DatasetItem = QTreeWidgetItem::UserType + 1, GroupItem, ConceptItem, SectionItem };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ProjectExplorerWidget(QWidget* parent = nullptr);

    void setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts);
    void clearProject();

Q_SIGNALS:
    void datasetSelected(qint64 datasetId);
    void conceptSelected(qint64 conceptId);

private:
    void onCurrentItemChanged(QTreeWidgetItem* current);
};

} // namespace nad
