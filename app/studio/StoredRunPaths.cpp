#include "StoredRunPaths.h"

#include "QtText.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

namespace nad {

QVector<QVector<bool>> StoredRunPaths::firstInitialization(const QString& concept) const
{
    QVector<QVector<bool>> blocks;
    const auto found = byConcept.constFind(concept);
    if (found == byConcept.constEnd() || found->empty())
        return blocks;
    for (const auto& block : found->begin()->second)
        blocks << QVector<bool>(block.begin(), block.end());
    return blocks;
}

StoredRunPaths StoredRunPaths::load(const ProjectStore& project, qint64 runId)
{
    StoredRunPaths result;
    const RunStore runs(project);
    const auto run = runs.run(runId);
    const auto model = run ? runs.model(run->modelId) : std::nullopt;
    if (!run || !model)
        return result;
    for (const auto& [name, channels] : model->blocks) {
        result.blockNames << qs(name);
        result.blockUnits << int(channels);
    }
    std::map<int, QString> nameOf;
    for (const auto& concept : project.concepts(run->datasetId))
        nameOf[int(concept.classIndex)] = qs(concept.name);
    std::map<int, QString> withPaths;  // class order
    for (const auto& path : runs.paths(runId, run->datasetId, true)) {
        withPaths[path.classIndex] = nameOf[path.classIndex];
        result.byConcept[nameOf[path.classIndex]][path.initialization] = path.binary;
    }
    for (const auto& [classIndex, name] : withPaths)
        result.concepts << name;
    return result;
}

}  // namespace nad
