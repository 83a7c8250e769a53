#include "jobs/RunContext.h"

#include "Errors.h"
#include "jobs/ModelSource.h"
#include "nad/DatasetImages.h"

namespace nad {

RunContext RunContext::open(ProjectStore& project, std::int64_t runId, const std::string& zooDirectory)
{
    RunStore runs(project);
    if (runId == 0) {
        runId = runs.latestFinishedRun();
        if (runId == 0)
            throw InvalidArgument("project '" + project.path() + "' has no finished run (run `nad disentangle` first)");
    }
    RunContext context;
    const auto run = runs.run(runId);
    if (!run)
        throw InvalidArgument("project '" + project.path() + "' has no run " + std::to_string(runId));
    context.run = *run;
    const auto model = runs.model(run->modelId);
    if (!model)
        throw ProjectError("run " + std::to_string(runId) + " refers to a model missing from the project");
    bool found = false;
    for (const auto& d : project.datasets())
        if (d.id == run->datasetId) {
            context.dataset = d;
            found = true;
        }
    if (!found)
        throw ProjectError("run " + std::to_string(runId) + " refers to a data set missing from the project");
    context.zooDirectory = zooDirectory;
    context.model = ModelSource(project, zooDirectory).forRecord(*model);
    context.classNames = context.model.classNames;
    return context;
}

std::shared_ptr<BlockNetwork> RunContext::loadNetwork() const
{
    return ModelSource::load(model);
}

ImageSet RunContext::heldOut(std::size_t perClass) const
{
    return DatasetImages::heldOut(dataset, imageTransform(), perClass);
}

std::unique_ptr<ImageSource> RunContext::heldOutSource(std::size_t perClass) const
{
    return DatasetImages::heldOutSource(dataset, imageTransform(), perClass);
}

std::map<int, std::vector<LearnedPath>> RunContext::finalPaths(const ProjectStore& project) const
{
    RunStore runs(project);
    std::map<int, std::vector<LearnedPath>> byInit;
    for (const auto& stored : runs.paths(run.id, run.datasetId, true)) {
        LearnedPath path;
        path.classIndex = stored.classIndex;
        path.initialization = stored.initialization;
        path.steps = stored.step;
        path.binary = stored.binary;
        byInit[stored.initialization].push_back(std::move(path));
    }
    if (byInit.empty())
        throw InvalidArgument("run " + std::to_string(run.id) + " has no finished paths");
    return byInit;
}

std::int64_t RunContext::classIndex(const std::string& name) const
{
    std::string known;
    for (std::size_t c = 0; c < classNames.size(); ++c) {
        if (classNames[c] == name)
            return std::int64_t(c);
        known += (c ? ", " : "") + classNames[c];
    }
    throw InvalidArgument("unknown concept '" + name + "'; the model knows: " + known);
}

}  // namespace nad
