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
    // The same images for an evaluation: held in memory when their pixels fit in `memoryBytes`
    // (IDX files always: they are small), else an ImageFolder's files are decoded as the
    // evaluation reads them. Reading on demand decodes an image once per path that is measured
    // on it, so it is kept for splits that do not fit (ImageNet's 50,000 validation images are
    // 7.5 GB at 224 px).
    static std::unique_ptr<ImageSource> heldOutSource(const DatasetRecord& dataset, const ImageTransform& transform,
                                                      std::size_t perClass,
                                                      std::size_t memoryBytes = kHeldOutMemoryBytes);
    static constexpr std::size_t kHeldOutMemoryBytes = std::size_t(512) << 20;
};

}  // namespace nad
