#pragma once

#include "data/ConceptHierarchy.h"

#include <string>
#include <vector>

namespace nad {

struct SplitSummary
{
    std::string name;      // "train", "test", "val" or "all"
    std::string location;  // file or folder it was read from
    std::size_t total = 0;
    std::vector<std::size_t> perClass;  // indexed like DatasetSummary::classNames
};

struct DatasetSummary
{
    std::string path;
    std::string kind;  // "idx" or "imagefolder"
    std::vector<std::string> classNames;
    int channels = 0;  // of the first image (ImageFolder: sampled, see sizeNote)
    int height = 0;
    int width = 0;
    std::string sizeNote;  // "all 28x28" or "varies, 3 sizes in 10 sampled files"
    std::vector<SplitSummary> splits;
    ConceptHierarchy hierarchy;
    std::string hierarchySource;  // "built-in", a file path, or "" when there is none
};

// Describes a data set without training on it: classes, counts per split and class, image
// size and hierarchy. Recognises a Fashion-MNIST-style IDX folder, an ImageFolder, and an
// ImageFolder with train/ and val/ (or test/) sub-folders.
class DatasetInspector
{
public:
    // `hierarchyPath` may be empty: then the built-in hierarchy (Fashion-MNIST) or a
    // `hierarchy.json` at the data set's root is used when present.
    static DatasetSummary inspect(const std::string& path, const std::string& hierarchyPath = {});
};

}  // namespace nad
