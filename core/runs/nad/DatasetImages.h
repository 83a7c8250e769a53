#pragma once

#include "data/ImageSet.h"
#include "data/ImageSource.h"
#include "data/ImageTransform.h"
#include "store/ProjectStore.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace nad {

// The images a run learns from and is evaluated on, for either kind of data set a project
// records: an IDX folder (Fashion-MNIST's train and test files, used as they are) or an
// ImageFolder (splits as ImageFolderSplits defines them, each image brought to the model's
// input by `transform`).
class DatasetImages
{
public:
    // Training images. IDX: the whole training split (the files are small; the caller samples).
    // ImageFolder: only the classes in `classes` (all when empty) and, with `perClass` > 0, a
    // sample of that many per class drawn with `seed` (ImageFolderReader's sample).
    static ImageSet training(const DatasetRecord& dataset, const ImageTransform& transform,
                             const std::vector<int>& classes, std::size_t perClass, std::uint64_t seed);
    // Held-out images of every class; with `perClass` > 0 only the first that many of each
    // (a quicker, noisier evaluation).
    static ImageSet heldOut(const DatasetRecord& dataset, const ImageTransform& transform, std::size_t perClass);
    // The same images, read on demand: IDX files are small and held; an ImageFolder's files are
    // decoded only as an evaluation reads them.
    static std::unique_ptr<ImageSource> heldOutSource(const DatasetRecord& dataset, const ImageTransform& transform,
                                                      std::size_t perClass);
};

}  // namespace nad
