#include "store/DemoProject.h"

#include "Errors.h"
#include "data/DatasetInspector.h"
#include "store/ProjectStore.h"

#include <filesystem>

namespace nad {

bool DemoProject::ensure(const std::string& projectPath, const std::string& datasetDirectory)
{
    if (std::filesystem::exists(projectPath)) {
        ProjectStore store = ProjectStore::open(projectPath);
        for (const auto& dataset : store.datasets()) {
            if (dataset.name == kDatasetName)
                return false;
        }
        // An earlier attempt created the file but did not get to the data set: add it now.
        store.addDataset(DatasetInspector::inspect(datasetDirectory), kDatasetName);
        return false;
    }
    // Inspect first: a missing data set must not leave an empty project behind.
    const DatasetSummary summary = DatasetInspector::inspect(datasetDirectory);
    ProjectStore store = ProjectStore::create(projectPath);
    store.addDataset(summary, kDatasetName);
    return true;
}

}  // namespace nad
