#pragma once

#include "data/ImageSource.h"
#include "data/ImageTransform.h"
#include "jobs/RunModel.h"
#include "nad/PathLearner.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace nad {

// Everything needed to work with a stored run again: its records, the model it used (from the
// zoo, or the user's TorchScript file imported into the project; either way the SHA-256 checked
// against the project), the held-out images and the final paths. Evaluation, activation maps
// and hit rates start here.
struct RunContext
{
    RunRecord run;
    RunModel model;
    DatasetRecord dataset;
    std::vector<std::string> classNames;  // of the model, by class index
    std::string zooDirectory;

    // `runId` 0 takes the latest finished run. Throws InvalidArgument for a missing run and
    // Error when the zoo lacks the model or holds other weights than the run used, or when an
    // imported model's file is gone.
    static RunContext open(ProjectStore& project, std::int64_t runId, const std::string& zooDirectory);
    // Builds the network (from the zoo, or the imported file after checking its SHA-256) on the
    // chosen compute device, frozen for analysis.
    std::shared_ptr<BlockNetwork> loadNetwork() const;
    // How ImageFolder images are brought to the model's input.
    ImageTransform imageTransform() const { return model.imageTransform(); }
    // The data set's held-out split (Fashion-MNIST test images; an ImageFolder's test/ or val/,
    // see ImageFolderSplits); with `perClass` > 0 only the first `perClass` images of each class
    // (a quicker, noisier evaluation).
    ImageSet heldOut(std::size_t perClass = 0) const;
    // The same images read on demand (an ImageFolder's are decoded only when read).
    std::unique_ptr<ImageSource> heldOutSource(std::size_t perClass = 0) const;
    // Final paths by initialization, concepts in class order. Throws when there are none.
    std::map<int, std::vector<LearnedPath>> finalPaths(const ProjectStore& project) const;
    // Class index of a concept name (as the model names it); throws InvalidArgument listing the names.
    std::int64_t classIndex(const std::string& name) const;
};

}  // namespace nad
