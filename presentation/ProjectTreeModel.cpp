#include "ProjectTreeModel.h"

#include "QtText.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <array>
#include <climits>
#include <map>

namespace nad {

// One row of the tree; children own their rows, `row` is the place under `parent`.
struct ProjectTreeModel::Node
{
    ItemKind kind = SectionItem;
    qint64 id = 0;
    std::array<QString, ColumnCount> text;
    QString toolTip;                        // the same in every column
    RunStatus status = RunStatus::Pending;  // RunItem
    bool imported = false;
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node* add(ItemKind childKind, const QString& item, const QString& summary = {}, const QString& details = {})
    {
        auto child = std::make_unique<Node>();
        child->kind = childKind;
        child->text = {item, summary, details};
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

using Node = ProjectTreeModel::Node;

QString countPair(std::int64_t train, std::int64_t test)
{
    const QLocale locale;
    return QStringLiteral("%1 / %2").arg(locale.toString(qlonglong(train)), locale.toString(qlonglong(test)));
}

QString duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return ProjectTreeModel::tr("%1 s").arg(s);
    if (s < 3600)
        return ProjectTreeModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return ProjectTreeModel::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
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
        return ProjectTreeModel::tr("finished");
    case RunStatus::Interrupted:
        return ProjectTreeModel::tr("interrupted");
    case RunStatus::Running:
        return ProjectTreeModel::tr("running");
    case RunStatus::Pending:
        return ProjectTreeModel::tr("pending");
    case RunStatus::Failed:
        return ProjectTreeModel::tr("failed");
    case RunStatus::Cancelled:
        return ProjectTreeModel::tr("cancelled");
    }
    return {};
}

// The run's concepts (RunRecord::requestedConcepts): none listed means every concept of the
// data set; count is -1 when the stored settings cannot be read.
struct RunConcepts
{
    int count = -1;
    bool all = false;
    QStringList names;
};

RunConcepts runConcepts(const RunRecord& run, const std::vector<ConceptRecord>& concepts)
{
    RunConcepts result;
    const auto requested = run.requestedConcepts();
    if (!requested)
        return result;
    if (requested->empty()) {
        result.all = true;
        result.count = int(std::count_if(concepts.begin(), concepts.end(),
                                         [&](const ConceptRecord& c) { return c.datasetId == run.datasetId; }));
        return result;
    }
    result.count = int(requested->size());
    for (const auto& name : *requested)
        result.names << qs(name);
    return result;
}

void addDataset(Node* section, const DatasetRecord& dataset, const std::vector<ConceptRecord>& concepts)
{
    const QLocale locale;
    const QString size = dataset.channels > 0
                             ? QStringLiteral("%1×%2×%3").arg(dataset.width).arg(dataset.height).arg(dataset.channels)
                             : QStringLiteral("%1×%2").arg(dataset.width).arg(dataset.height);
    Node* datasetNode =
        section->add(ProjectTreeModel::DatasetItem, qs(dataset.name), countPair(dataset.trainCount, dataset.testCount),
                     QStringLiteral("%1 · %2").arg(size, qs(dataset.kind)));
    datasetNode->id = dataset.id;
    datasetNode->toolTip =
        ProjectTreeModel::tr("%1 (%2)\n%3\n%4 training and %5 test images, %6")
            .arg(qs(dataset.name), qs(dataset.kind), qs(dataset.path), locale.toString(qlonglong(dataset.trainCount)),
                 locale.toString(qlonglong(dataset.testCount)), size);

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
        Node* node = nullptr;
        std::int64_t train = 0;
        std::int64_t test = 0;
    };
    std::map<std::string, Group> groups;
    for (const ConceptRecord* concept : ordered) {
        Node* parentNode = datasetNode;
        if (!concept->primary.empty()) {
            Group& group = groups[concept->primary];
            if (!group.node)
                group.node = datasetNode->add(ProjectTreeModel::GroupItem, qs(concept->primary));
            group.train += concept->trainCount;
            group.test += concept->testCount;
            parentNode = group.node;
        }
        Node* node = parentNode->add(ProjectTreeModel::ConceptItem, qs(concept->name),
                                     countPair(concept->trainCount, concept->testCount),
                                     ProjectTreeModel::tr("class %1").arg(concept->classIndex));
        node->id = concept->id;
        node->toolTip =
            ProjectTreeModel::tr("%1: class %2, %3 training and %4 test images")
                .arg(qs(concept->name))
                .arg(concept->classIndex)
                .arg(locale.toString(qlonglong(concept->trainCount)), locale.toString(qlonglong(concept->testCount)));
    }
    for (auto& [name, group] : groups) {
        Q_UNUSED(name);
        group.node->text[ProjectTreeModel::SummaryColumn] = countPair(group.train, group.test);
        group.node->text[ProjectTreeModel::DetailsColumn] =
            ProjectTreeModel::tr("%n concept(s)", nullptr, int(group.node->children.size()));
    }
}

void addModel(Node* section, const ModelRecord& model)
{
    const QLocale locale;
    const bool imported = !model.importSpec.empty();
    const QString accuracy = model.testAccuracy > 0
                                 ? ProjectTreeModel::tr("%1 %").arg(locale.toString(model.testAccuracy * 100, 'f', 2))
                                 : QStringLiteral("–");
    const QString family = qs(model.family);
    const QString details = imported ? (family.isEmpty() ? ProjectTreeModel::tr("imported")
                                                         : ProjectTreeModel::tr("imported · %1").arg(family))
                                     : family;
    Node* node = section->add(ProjectTreeModel::ModelItem, qs(model.name), accuracy, details);
    node->id = model.id;
    node->imported = imported;
    const QString sha =
        model.sha256.empty() ? ProjectTreeModel::tr("unknown") : qs(model.sha256.substr(0, 12)) + QStringLiteral("…");
    node->toolTip = ProjectTreeModel::tr("%1 (%2%3)\nTest accuracy: %4\nInput: %5×%6×%7\nFile: %8\nSHA-256: %9")
                        .arg(qs(model.name), family,
                             imported ? ProjectTreeModel::tr(", imported TorchScript") : QString(), accuracy)
                        .arg(model.inputWidth)
                        .arg(model.inputHeight)
                        .arg(model.inputChannels)
                        .arg(qs(model.path), sha);
}

void addRun(Node* section, const RunRecord& run, const std::vector<ConceptRecord>& concepts,
            const std::vector<ModelRecord>& models)
{
    const auto model =
        std::find_if(models.begin(), models.end(), [&](const ModelRecord& m) { return m.id == run.modelId; });
    const QString modelName =
        model != models.end() ? qs(model->name) : ProjectTreeModel::tr("model %1").arg(run.modelId);
    const RunConcepts selection = runConcepts(run, concepts);
    const QString conceptCount = selection.count < 0 ? ProjectTreeModel::tr("? concepts")
                                                     : ProjectTreeModel::tr("%n concept(s)", nullptr, selection.count);
    const bool started = run.status != RunStatus::Pending || run.elapsedSeconds > 0;

    QStringList details{conceptCount, ProjectTreeModel::tr("%n init(s)", nullptr, run.initializations)};
    if (started)
        details << duration(run.elapsedSeconds);
    if (!run.createdAt.empty())
        details << timestamp(run.createdAt);

    Node* node = section->add(ProjectTreeModel::RunItem, ProjectTreeModel::tr("run %1 · %2").arg(run.id).arg(modelName),
                              statusText(run.status), details.join(QStringLiteral(" · ")));
    node->id = run.id;
    node->status = run.status;

    QString conceptLine;
    if (selection.count < 0)
        conceptLine = ProjectTreeModel::tr("Concepts: unreadable hyperparameters");
    else if (selection.all)
        conceptLine = ProjectTreeModel::tr("Concepts: all %1 of the data set").arg(selection.count);
    else
        conceptLine = ProjectTreeModel::tr("Concepts (%1): %2")
                          .arg(selection.count)
                          .arg(selection.names.join(QStringLiteral(", ")));
    QStringList tip{
        ProjectTreeModel::tr("Run %1 of %2").arg(run.id).arg(modelName),
        run.message.empty() ? ProjectTreeModel::tr("Status: %1").arg(statusText(run.status))
                            : ProjectTreeModel::tr("Status: %1 — %2").arg(statusText(run.status), qs(run.message)),
        ProjectTreeModel::tr("Preset: %1").arg(qs(run.preset)), conceptLine,
        ProjectTreeModel::tr("Initializations: %1, seed %2").arg(run.initializations).arg(qulonglong(run.seed))};
    if (started)
        tip << ProjectTreeModel::tr("Elapsed: %1").arg(duration(run.elapsedSeconds));
    if (!run.createdAt.empty())
        tip << ProjectTreeModel::tr("Created: %1").arg(timestamp(run.createdAt));
    node->toolTip = tip.join(QLatin1Char('\n'));
}

}  // namespace

ProjectTreeModel::ProjectTreeModel(QObject* parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

ProjectTreeModel::~ProjectTreeModel() = default;

void ProjectTreeModel::setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts)
{
    setProject(info, concepts, {}, {});
}

void ProjectTreeModel::setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts,
                                  const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs)
{
    // Built aside, then swapped in, so the views never see a half-built tree.
    auto root = std::make_unique<Node>();
    Node* datasets = root->add(SectionItem, tr("Data sets (%1)").arg(info.datasets.size()));
    for (const DatasetRecord& dataset : info.datasets)
        addDataset(datasets, dataset, concepts);

    const qint64 modelCount = models.empty() ? info.modelCount : qint64(models.size());
    Node* modelSection = root->add(SectionItem, tr("Models (%1)").arg(modelCount));
    for (const ModelRecord& model : models)
        addModel(modelSection, model);

    // Newest first: the run just learned is the one looked for. RunStore lists them oldest first.
    std::vector<const RunRecord*> newestFirst;
    for (const RunRecord& run : runs)
        newestFirst.push_back(&run);
    std::stable_sort(newestFirst.begin(), newestFirst.end(), [](const RunRecord* a, const RunRecord* b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
    });
    const qint64 runCount = runs.empty() ? info.runCount : qint64(runs.size());
    Node* runSection = root->add(SectionItem, tr("Runs (%1)").arg(runCount));
    for (const RunRecord* run : newestFirst)
        addRun(runSection, *run, concepts, models);

    beginResetModel();
    m_root = std::move(root);
    endResetModel();
}

void ProjectTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    endResetModel();
}

const ProjectTreeModel::Node* ProjectTreeModel::node(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : m_root.get();
}

ProjectTreeModel::ItemKind ProjectTreeModel::kind(const QModelIndex& index)
{
    return ItemKind(index.data(KindRole).toInt());
}

QModelIndex ProjectTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, node(parent)->children[std::size_t(row)].get());
}

QModelIndex ProjectTreeModel::parent(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    const Node* parentNode = node(index)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, const_cast<Node*>(parentNode));
}

int ProjectTreeModel::rowCount(const QModelIndex& parent) const
{
    // Children hang off the first column only, as in every tree model Qt's views expect.
    if (parent.column() > 0)
        return 0;
    return int(node(parent)->children.size());
}

int ProjectTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ProjectTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* n = node(index);
    switch (role) {
    case Qt::DisplayRole:
        return n->text[std::size_t(index.column())];
    case Qt::ToolTipRole:
        return n->toolTip.isEmpty() ? QVariant() : QVariant(n->toolTip);
    case IdRole:
        return n->kind == SectionItem || n->kind == GroupItem ? QVariant() : QVariant(n->id);
    case StatusRole:
        return n->kind == RunItem ? QVariant(int(n->status)) : QVariant();
    case KindRole:
        return int(n->kind);
    case ImportedRole:
        return n->kind == ModelItem ? QVariant(n->imported) : QVariant();
    default:
        return {};
    }
}

QVariant ProjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ItemColumn:
            return tr("Item");
        case SummaryColumn:
            return tr("Summary");
        default:
            return tr("Details");
        }
    }
    if (role == Qt::ToolTipRole) {
        if (section == SummaryColumn)
            return tr("Training / test images, test accuracy or run status");
        if (section == DetailsColumn)
            return tr("Image size, model family, or a run's concepts, initializations, elapsed time and start");
    }
    return {};
}

Qt::ItemFlags ProjectTreeModel::flags(const QModelIndex& index) const
{
    // Browsed, never checked: choosing concepts is the concept panel's job.
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

}  // namespace nad
