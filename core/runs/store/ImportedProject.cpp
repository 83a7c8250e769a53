#include "store/ImportedProject.h"

#include "Errors.h"
#include "data/ImageFolderSplits.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <filesystem>

namespace nad {
namespace fs = std::filesystem;

namespace {

std::string joined(const std::vector<std::string>& names, std::size_t most = 12)
{
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < most; ++i)
        text += (i ? ", " : "") + names[i];
    if (names.size() > most)
        text += ", … (" + std::to_string(names.size()) + " in all)";
    return text;
}

}  // namespace

DatasetSummary ImportedProject::inspectDataset(const std::string& folder, const std::string& hierarchyPath)
{
    if (folder.empty())
        throw InvalidArgument("no data set folder given");
    std::error_code ec;
    const fs::path absolute = fs::absolute(folder, ec);
    DatasetSummary summary =
        DatasetInspector::inspect(ec ? folder : absolute.lexically_normal().string(), hierarchyPath);
    if (summary.kind != "imagefolder")
        return summary;
    // The counts the project records must be the images the run learns from and evaluates on.
    const ImageFolderSplits splits = ImageFolderSplits::of(summary.path);
    if (!splits.isDerived())
        return summary;
    auto splitOf = [](const std::string& name, const std::string& location, const ImageFolderScan& scan) {
        SplitSummary s;
        s.name = name;
        s.location = location;
        for (const auto& files : scan.files) {
            s.perClass.push_back(files.size());
            s.total += files.size();
        }
        return s;
    };
    summary.splits = {splitOf("train", summary.path + " (four fifths of each class)", splits.training()),
                      splitOf("test", summary.path + " (a fifth of each class, held out)", splits.heldOut())};
    return summary;
}

ConceptHierarchy ImportedProject::checkHierarchy(const std::string& hierarchyPath, const DatasetSummary& dataset)
{
    if (hierarchyPath.empty())
        throw InvalidArgument("no hierarchy file given");
    return ConceptHierarchy::fromJsonFile(hierarchyPath, dataset.classNames);
}

void ImportedProject::checkClasses(const ImportedModelSummary& model, const DatasetSummary& dataset)
{
    if (model.classCount() != dataset.classNames.size())
        throw InvalidArgument("model '" + model.path + "' outputs " + std::to_string(model.classCount()) +
                              " classes but data set '" + dataset.path + "' has " +
                              std::to_string(dataset.classNames.size()) + " (" + joined(dataset.classNames) +
                              "); the model must be trained on this data set's classes");
    if (model.specNamesClasses && model.spec.classNames != dataset.classNames)
        throw InvalidArgument(model.specSource + " names the classes " + joined(model.spec.classNames) +
                              " but data set '" + dataset.path + "' has " + joined(dataset.classNames) +
                              " (ImageFolder numbers classes in sorted folder order, as torchvision does)");
}

std::string ImportedProject::defaultModelName(const std::string& modelPath)
{
    const std::string stem = fs::path(modelPath).stem().string();
    return stem.empty() ? "model" : stem;
}

ImportedProjectPlan ImportedProject::check(const ImportedProjectRequest& request)
{
    if (request.projectPath.empty())
        throw InvalidArgument("no project file given");
    std::error_code ec;
    // First, before the slow checks: the wizard shows this while the user types.
    if (fs::exists(request.projectPath, ec))
        throw ProjectError("project file '" + request.projectPath + "' already exists; choose another name");

    ImportedProjectPlan plan;
    plan.projectPath = request.projectPath;
    plan.dataset = inspectDataset(request.datasetPath, request.hierarchyPath);
    plan.model = ImportedModel::inspect(request.modelPath, request.preset, request.specPath, request.inputSize);
    checkClasses(plan.model, plan.dataset);
    plan.modelName = request.modelName.empty() ? defaultModelName(request.modelPath) : request.modelName;
    plan.datasetName = request.datasetName;
    if (plan.datasetName.empty()) {
        fs::path folder = fs::path(plan.dataset.path).lexically_normal();
        if (folder.filename().empty())  // "data/flowers/"
            folder = folder.parent_path();
        plan.datasetName = folder.filename().string();
    }
    if (plan.datasetName.empty())
        plan.datasetName = "dataset";
    return plan;
}

ImportedProjectPlan ImportedProject::create(const ImportedProjectRequest& request)
{
    const ImportedProjectPlan plan = check(request);
    ProjectStore::create(plan.projectPath, [&plan](ProjectStore& project) {
        const std::int64_t datasetId = project.addDataset(plan.dataset, plan.datasetName);
        RunStore(project).ensureModel(
            ImportedModel::record(plan.model, plan.modelName, datasetId, plan.dataset.classNames));
    });
    return plan;
}

}  // namespace nad
