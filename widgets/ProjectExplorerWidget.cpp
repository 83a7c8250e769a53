#include "ProjectExplorerWidget.h"

#include <QHeaderView>
#include <QLocale>

#include <algorithm>
#include <climits>
#include <map>

namespace nad {

ProjectExplorerWidget::ProjectExplorerWidget(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Item"), tr("Train"), tr("Test")});
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setUniformRowHeights(true);
    connect(this, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current, QTreeWidgetItem*) { onCurrentItemChanged(current); });
}

void ProjectExplorerWidget::clearProject()
{
    clear();
}

void ProjectExplorerWidget::setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts)
{
    clear();
    const QLocale locale;
    auto* datasets = new QTreeWidgetItem(this, {tr("Data sets (%1)").arg(info.datasets.size())}, SectionItem);
    for (const DatasetRecord& dataset : info.datasets) {
        auto* datasetItem = new QTreeWidgetItem(
            datasets,
            {QStringLiteral("%1 — %2×%3").arg(QString::fromStdString(dataset.name)).arg(dataset.width).arg(dataset.height),
             locale.toString(dataset.trainCount), locale.toString(dataset.testCount)},
            DatasetItem);
        datasetItem->setData(0, IdRole, qint64(dataset.id));
        datasetItem->setToolTip(0, QString::fromStdString(dataset.kind + ": " + dataset.path));

        // Primary concepts in hierarchy-file order, then the ungrouped concepts.
        std::vector<const ConceptRecord*> ordered;
        for (const ConceptRecord& concept : concepts)
            ordered.push_back(&concept);
        std::stable_sort(ordered.begin(), ordered.end(), [](const ConceptRecord* a, const ConceptRecord* b) {
            const int pa = a->primaryPosition < 0 ? INT_MAX : a->primaryPosition;
            const int pb = b->primaryPosition < 0 ? INT_MAX : b->primaryPosition;
            return pa < pb;
        });
        std::map<std::string, QTreeWidgetItem*> groups;
        for (const ConceptRecord* conceptPtr : ordered) {
            const ConceptRecord& concept = *conceptPtr;
            if (concept.datasetId != dataset.id)
                continue;
            QTreeWidgetItem* parentItem = datasetItem;
            if (!concept.primary.empty()) {
                auto& group = groups[concept.primary];
                if (!group) {
                    group = new QTreeWidgetItem(datasetItem, {QString::fromStdString(concept.primary)}, GroupItem);
                }
                parentItem = group;
            }
            auto* item = new QTreeWidgetItem(parentItem,
                                             {QString::fromStdString(concept.name),
                                              locale.toString(concept.trainCount),
                                              locale.toString(concept.testCount)},
                                             ConceptItem);
            item->setData(0, IdRole, qint64(concept.id));
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Unchecked);
        }
        for (auto& [name, group] : groups) {
            Q_UNUSED(name);
            group->setText(0, tr("%1 (%2 concepts)").arg(group->text(0)).arg(group->childCount()));
        }
    }
    new QTreeWidgetItem(this, {tr("Models (%1)").arg(info.modelCount)}, SectionItem);
    new QTreeWidgetItem(this, {tr("Runs (%1)").arg(info.runCount)}, SectionItem);
    expandToDepth(2);
}

void ProjectExplorerWidget::onCurrentItemChanged(QTreeWidgetItem* current)
{
    if (!current)
        return;
    if (current->type() == DatasetItem)
        Q_EMIT datasetSelected(current->data(0, IdRole).toLongLong());
    else if (current->type() == ConceptItem)
        Q_EMIT conceptSelected(current->data(0, IdRole).toLongLong());
}

} // namespace nad
