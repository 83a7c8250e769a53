#include "StoredRunPaths.h"

#include "QtText.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <map>

namespace nad {

StoredRunPaths StoredRunPaths::load(const ProjectStore& project, qint64 runId)
{
    StoredRunPaths result;
    const RunStore runs(project);
    const auto run = runs.run(runId);
    const auto model = run ? runs.model(run->modelId) : std::nullopt;
    if (!run || !model)
        return result;
    for (const auto& block : model->blocks)
        result.blockNames << qs(block.first);
    std::map<int, QString> nameOf;
    for (const auto& concept : project.concepts(run->datasetId))
        nameOf[int(concept.classIndex)] = qs(concept.name);
    for (const auto& path : runs.paths(runId, run->datasetId, true)) {
        if (path.initialization != 0)
            continue;
        QVector<QVector<bool>> blocks;
        for (const auto& block : path.binary)
            blocks << QVector<bool>(block.begin(), block.end());
        result.byConcept.insert(nameOf[path.classIndex], blocks);
    }
    return result;
}

}  // namespace nad
