#pragma once

#include "data/ConceptHierarchy.h"
#include "data/DatasetInspector.h"
#include "store/ImportedModel.h"

#include <cstdint>
#include <string>

namespace nad {

// What the New Project wizard (and `nad project new --model`) asks for.
struct ImportedProjectRequest
{
    std::string projectPath;     // the .nad file to create; must not exist
    std::string modelPath;       // TorchScript file (torch.jit.save)
    std::string preset;          // "vgg16", "resnet50", "densenet121" — or
    std::string specPath;        // a block spec JSON file (ImportSpecFile); exactly one of the two
    std::int64_t inputSize = 0;  // > 0 replaces the spec's input size
    std::string datasetPath;     // ImageFolder root (or an IDX folder whose images fit the model)
    std::string hierarchyPath;   // optional concept hierarchy JSON; "" takes DATASET/hierarchy.json
                                 // if present
    std::string modelName;       // "" = the model file's name without extension
    std::string datasetName;     // "" = the data set folder's name
};

// Everything checked and what create() records.
struct ImportedProjectPlan
{
    std::string projectPath;
    std::string modelName;
    std::string datasetName;
    ImportedModelSummary model;
    DatasetSummary dataset;  // splits as the paths are learned and evaluated on
};

// A project around the user's own TorchScript model and data set. Each check can run on its
// own while the user fills in a form, and throws a nad::Error subclass whose message names the
// file or field at fault; create() runs them all again and then writes the project in one go.
class ImportedProject
{
public:
    // A data set folder: classes and image counts per split. For an ImageFolder without
    // train/ and test/ (or val/) sub-folders, the splits are "train" and "test" as
    // ImageFolderSplits sets a fifth of each class aside. `hierarchyPath` as in the request.
    static DatasetSummary inspectDataset(const std::string& folder, const std::string& hierarchyPath = {});
    // A concept hierarchy JSON file against the data set's classes.
    static ConceptHierarchy checkHierarchy(const std::string& hierarchyPath, const DatasetSummary& dataset);
    // The model's outputs must be the data set's classes: the same count and, when the block
    // spec names its classes, the same names in the same (sorted folder) order.
    static void checkClasses(const ImportedModelSummary& model, const DatasetSummary& dataset);
    static std::string defaultModelName(const std::string& modelPath);

    // Every check of the request (ImportedModel::inspect included); writes nothing.
    static ImportedProjectPlan check(const ImportedProjectRequest& request);
    // Checks, then creates the project with the data set, its concepts and hierarchy, and the
    // model (path, SHA-256, blocks, classes, block spec). The file appears complete or not at
    // all; an existing file is refused and left as it was.
    static ImportedProjectPlan create(const ImportedProjectRequest& request);
};

}  // namespace nad
