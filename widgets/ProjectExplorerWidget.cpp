#include "ProjectExplorerWidget.h"

#include "Palette.h"
#include "QtText.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QStyle>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <map>

namespace nad {

namespace {

QString countPair(std::int64_t train, std::int64_t test)
{
    const QLocale locale;
    return QStringLiteral("%1 / %2").arg(locale.toString(qlonglong(train)), locale.toString(qlonglong(test)));
}

QString duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return ProjectExplorerWidget::tr("%1 s").arg(s);
    if (s < 3600)
        return ProjectExplorerWidget::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return ProjectExplorerWidget::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

// The store writes UTC in ISO 8601 ("2024-05-01T10:20:30Z"); show it in local time, compact
// and sortable. Anything unparsable is shown as stored.
QString timestamp(const std::string& stored)
{
    QDateTime time = QDateTime::fromString(qs(stored), Qt::ISODate);
    if (!time.isValid())
        return qs(stored);
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Finished:
        return ProjectExplorerWidget::tr("finished");
    case RunStatus::Interrupted:
        return ProjectExplorerWidget::tr("interrupted");
    case RunStatus::Running:
        return ProjectExplorerWidget::tr("running");
    case RunStatus::Pending:
        return ProjectExplorerWidget::tr("pending");
    case RunStatus::Failed:
        return ProjectExplorerWidget::tr("failed");
    case RunStatus::Cancelled:
        return ProjectExplorerWidget::tr("cancelled");
    }
    return {};
}

// Okabe & Ito colours (readable on light and dark palettes); pending is greyed like ConceptPanel's
// "not learned".
QBrush statusBrush(RunStatus status, const QPalette& palette)
{
    switch (status) {
    case RunStatus::Finished:
        return QBrush(Palette::category(2));  // bluish green
    case RunStatus::Interrupted:
    case RunStatus::Failed:
        return QBrush(Palette::category(5));  // vermillion
    case RunStatus::Running:
        return QBrush(Palette::category(0));  // blue
    case RunStatus::Pending:
    case RunStatus::Cancelled:
        return QBrush(palette.color(QPalette::Disabled, QPalette::Text));
    }
    return palette.text();
}

QIcon statusIcon(RunStatus status, const QStyle* style)
{
    switch (status) {
    case RunStatus::Finished:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case RunStatus::Interrupted:
    case RunStatus::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case RunStatus::Running:
        return style->standardIcon(QStyle::SP_MediaPlay);
    case RunStatus::Pending:
    case RunStatus::Cancelled:
        return style->standardIcon(QStyle::SP_MediaPause);
    }
    return style->standardIcon(QStyle::SP_MessageBoxQuestion);
}

// The run's concepts from its hyperparameters ("concepts": names); an empty or missing list
// means every concept of the data set. Returns -1 when the JSON cannot be read.
struct RunConcepts
{
    int count = -1;
    bool all = false;
    QStringList names;
};

RunConcepts runConcepts(const RunRecord& run, const std::vector<ConceptRecord>& concepts)
{
    RunConcepts result;
    const nlohmann::json json = nlohmann::json::parse(run.hyperparameters, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object())
        return result;
    const auto it = json.find("concepts");
    if (it != json.end() && !it->is_null() && !it->is_array())
        return result;
    if (it == json.end() || it->is_null() || it->empty()) {
        result.all = true;
        result.count = int(std::count_if(concepts.begin(), concepts.end(),
                                         [&](const ConceptRecord& c) { return c.datasetId == run.datasetId; }));
        return result;
    }
    result.count = int(it->size());
    for (const auto& name : *it)
        result.names << (name.is_string() ? qs(name.get<std::string>()) : qs(name.dump()));
    return result;
}

}  // namespace

ProjectExplorerWidget::ProjectExplorerWidget(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Item"), tr("Summary"), tr("Details")});
    QTreeWidgetItem* headerItem = this->headerItem();
    headerItem->setToolTip(SummaryColumn, tr("Training / test images, test accuracy or run status"));
    headerItem->setToolTip(DetailsColumn, tr("Image size, model family, or a run's concepts, initializations, "
                                             "elapsed time and start"));
    // The names never truncate; the details give way (elided, complete in the tooltips).
    header()->setSectionResizeMode(ItemColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(SummaryColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(DetailsColumn, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    setUniformRowHeights(true);
    // A dock is narrow: a tighter indentation leaves room for the details column.
    setIndentation(qMin(indentation(), 14));
    connect(this, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current, QTreeWidgetItem*) { onCurrentItemChanged(current); });
}

void ProjectExplorerWidget::clearProject()
{
    clear();
}

void ProjectExplorerWidget::setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts)
{
    setProject(info, concepts, {}, {});
}

void ProjectExplorerWidget::setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts,
                                       const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs)
{
    clear();
    QTreeWidgetItem* datasets = addSection(tr("Data sets (%1)").arg(info.datasets.size()));
    for (const DatasetRecord& dataset : info.datasets)
        addDataset(datasets, dataset, concepts);

    const qint64 modelCount = models.empty() ? info.modelCount : qint64(models.size());
    QTreeWidgetItem* modelSection = addSection(tr("Models (%1)").arg(modelCount));
    for (const ModelRecord& model : models)
        addModel(modelSection, model);

    std::vector<const RunRecord*> newestFirst;
    for (const RunRecord& run : runs)
        newestFirst.push_back(&run);
    std::stable_sort(newestFirst.begin(), newestFirst.end(), [](const RunRecord* a, const RunRecord* b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
    });
    const qint64 runCount = runs.empty() ? info.runCount : qint64(runs.size());
    QTreeWidgetItem* runSection = addSection(tr("Runs (%1)").arg(runCount));
    for (const RunRecord* run : newestFirst)
        addRun(runSection, *run, concepts, models);

    // Sections and data sets open, concept groups closed: the concepts are browsed (and
    // chosen) in the concept panel, so here they stay one click away.
    expandToDepth(1);
    for (int d = 0; d < datasets->childCount(); ++d)
        for (int g = 0; g < datasets->child(d)->childCount(); ++g)
            datasets->child(d)->child(g)->setExpanded(false);
}

QTreeWidgetItem* ProjectExplorerWidget::addSection(const QString& text)
{
    auto* section = new QTreeWidgetItem(this, {text}, SectionItem);
    QFont bold = font();
    bold.setBold(true);
    section->setFont(ItemColumn, bold);
    section->setFirstColumnSpanned(true);
    return section;
}

void ProjectExplorerWidget::addDataset(QTreeWidgetItem* section, const DatasetRecord& dataset,
                                       const std::vector<ConceptRecord>& concepts)
{
    const QLocale locale;
    const QString size = dataset.channels > 0
                             ? QStringLiteral("%1×%2×%3").arg(dataset.width).arg(dataset.height).arg(dataset.channels)
                             : QStringLiteral("%1×%2").arg(dataset.width).arg(dataset.height);
    auto* datasetItem = new QTreeWidgetItem(section,
                                            {qs(dataset.name), countPair(dataset.trainCount, dataset.testCount),
                                             QStringLiteral("%1 · %2").arg(size, qs(dataset.kind))},
                                            DatasetItem);
    datasetItem->setData(ItemColumn, IdRole, qint64(dataset.id));
    const QString tip =
        tr("%1 (%2)\n%3\n%4 training and %5 test images, %6")
            .arg(qs(dataset.name), qs(dataset.kind), qs(dataset.path), locale.toString(qlonglong(dataset.trainCount)),
                 locale.toString(qlonglong(dataset.testCount)), size);
    for (int column = 0; column < ColumnCount; ++column)
        datasetItem->setToolTip(column, tip);

    // Primary concepts in hierarchy-file order, then the ungrouped concepts.
    std::vector<const ConceptRecord*> ordered;
    for (const ConceptRecord& concept : concepts)
        if (concept.datasetId == dataset.id)
            ordered.push_back(&concept);
    std::stable_sort(ordered.begin(), ordered.end(), [](const ConceptRecord* a, const ConceptRecord* b) {
        const int pa = a->primaryPosition < 0 ? INT_MAX : a->primaryPosition;
        const int pb = b->primaryPosition < 0 ? INT_MAX : b->primaryPosition;
        return pa < pb;
    });
    struct Group
    {
        QTreeWidgetItem* item = nullptr;
        std::int64_t train = 0;
        std::int64_t test = 0;
    };
    std::map<std::string, Group> groups;
    for (const ConceptRecord* concept : ordered) {
        QTreeWidgetItem* parentItem = datasetItem;
        if (!concept->primary.empty()) {
            Group& group = groups[concept->primary];
            if (!group.item)
                group.item = new QTreeWidgetItem(datasetItem, {qs(concept->primary)}, GroupItem);
            group.train += concept->trainCount;
            group.test += concept->testCount;
            parentItem = group.item;
        }
        auto* item = new QTreeWidgetItem(parentItem,
                                         {qs(concept->name), countPair(concept->trainCount, concept->testCount),
                                          tr("class %1").arg(concept->classIndex)},
                                         ConceptItem);
        item->setData(ItemColumn, IdRole, qint64(concept->id));
        // QTreeWidgetItem is user-checkable by default; choosing concepts is ConceptPanel's job.
        item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
        const QString conceptTip =
            tr("%1: class %2, %3 training and %4 test images")
                .arg(qs(concept->name))
                .arg(concept->classIndex)
                .arg(locale.toString(qlonglong(concept->trainCount)), locale.toString(qlonglong(concept->testCount)));
        for (int column = 0; column < ColumnCount; ++column)
            item->setToolTip(column, conceptTip);
    }
    for (auto& [name, group] : groups) {
        Q_UNUSED(name);
        group.item->setText(SummaryColumn, countPair(group.train, group.test));
        group.item->setText(DetailsColumn, tr("%n concept(s)", nullptr, group.item->childCount()));
    }
}

void ProjectExplorerWidget::addModel(QTreeWidgetItem* section, const ModelRecord& model)
{
    const QLocale locale;
    const bool imported = !model.importSpec.empty();
    const QString accuracy = model.testAccuracy > 0 ? tr("%1 %").arg(locale.toString(model.testAccuracy * 100, 'f', 2))
                                                    : QStringLiteral("–");
    const QString family = qs(model.family);
    const QString details = imported ? (family.isEmpty() ? tr("imported") : tr("imported · %1").arg(family)) : family;
    auto* item = new QTreeWidgetItem(section, {qs(model.name), accuracy, details}, ModelItem);
    item->setData(ItemColumn, IdRole, qint64(model.id));
    if (imported) {
        QFont italic = font();
        italic.setItalic(true);
        item->setFont(DetailsColumn, italic);
    }
    const QString sha = model.sha256.empty() ? tr("unknown") : qs(model.sha256.substr(0, 12)) + QStringLiteral("…");
    const QString tip = tr("%1 (%2%3)\nTest accuracy: %4\nInput: %5×%6×%7\nFile: %8\nSHA-256: %9")
                            .arg(qs(model.name), family, imported ? tr(", imported TorchScript") : QString(), accuracy)
                            .arg(model.inputWidth)
                            .arg(model.inputHeight)
                            .arg(model.inputChannels)
                            .arg(qs(model.path), sha);
    for (int column = 0; column < ColumnCount; ++column)
        item->setToolTip(column, tip);
}

void ProjectExplorerWidget::addRun(QTreeWidgetItem* section, const RunRecord& run,
                                   const std::vector<ConceptRecord>& concepts, const std::vector<ModelRecord>& models)
{
    const auto model =
        std::find_if(models.begin(), models.end(), [&](const ModelRecord& m) { return m.id == run.modelId; });
    const QString modelName = model != models.end() ? qs(model->name) : tr("model %1").arg(run.modelId);
    const RunConcepts selection = runConcepts(run, concepts);
    const QString conceptCount = selection.count < 0 ? tr("? concepts") : tr("%n concept(s)", nullptr, selection.count);
    const bool started = run.status != RunStatus::Pending || run.elapsedSeconds > 0;

    QStringList details{conceptCount, tr("%n init(s)", nullptr, run.initializations)};
    if (started)
        details << duration(run.elapsedSeconds);
    if (!run.createdAt.empty())
        details << timestamp(run.createdAt);

    auto* item = new QTreeWidgetItem(
        section,
        {tr("run %1 · %2").arg(run.id).arg(modelName), statusText(run.status), details.join(QStringLiteral(" · "))},
        RunItem);
    item->setData(ItemColumn, IdRole, qint64(run.id));
    item->setData(ItemColumn, StatusRole, qs(runStatusName(run.status)));
    item->setForeground(SummaryColumn, statusBrush(run.status, palette()));
    item->setIcon(SummaryColumn, statusIcon(run.status, style()));

    QString conceptLine;
    if (selection.count < 0)
        conceptLine = tr("Concepts: unreadable hyperparameters");
    else if (selection.all)
        conceptLine = tr("Concepts: all %1 of the data set").arg(selection.count);
    else
        conceptLine = tr("Concepts (%1): %2").arg(selection.count).arg(selection.names.join(QStringLiteral(", ")));
    QStringList tip{tr("Run %1 of %2").arg(run.id).arg(modelName),
                    run.message.empty() ? tr("Status: %1").arg(statusText(run.status))
                                        : tr("Status: %1 — %2").arg(statusText(run.status), qs(run.message)),
                    tr("Preset: %1").arg(qs(run.preset)), conceptLine,
                    tr("Initializations: %1, seed %2").arg(run.initializations).arg(qulonglong(run.seed))};
    if (started)
        tip << tr("Elapsed: %1").arg(duration(run.elapsedSeconds));
    if (!run.createdAt.empty())
        tip << tr("Created: %1").arg(timestamp(run.createdAt));
    for (int column = 0; column < ColumnCount; ++column)
        item->setToolTip(column, tip.join(QLatin1Char('\n')));
}

void ProjectExplorerWidget::onCurrentItemChanged(QTreeWidgetItem* current)
{
    if (!current)
        return;
    const qint64 id = current->data(ItemColumn, IdRole).toLongLong();
    switch (current->type()) {
    case DatasetItem:
        Q_EMIT datasetSelected(id);
        break;
    case ConceptItem:
        Q_EMIT conceptSelected(id);
        break;
    case ModelItem:
        Q_EMIT modelSelected(id);
        break;
    case RunItem:
        Q_EMIT runSelected(id);
        break;
    default:
        break;
    }
}

}  // namespace nad
