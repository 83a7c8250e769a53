#include "nad/DatasetImages.h"

#include "Errors.h"
#include "data/FashionMnist.h"
#include "data/ImageFolderReader.h"
#include "data/ImageFolderSource.h"
#include "data/ImageFolderSplits.h"

#include <algorithm>

namespace nad {
namespace {

// IDX images are not transformed (the zoo is trained on them as they are); a model that
// expects another input size or channel count cannot use them.
void requireIdxFits(const DatasetRecord& dataset, const ImageSet& set, const ImageTransform& transform)
{
    if ((transform.channels != 0 && transform.channels != set.channels) ||
        (transform.cropHeight != 0 && (transform.cropHeight != set.height || transform.cropWidth != set.width)))
        throw InvalidArgument("data set '" + dataset.name + "' has " + std::to_string(set.channels) + "x" +
                              std::to_string(set.height) + "x" + std::to_string(set.width) +
                              " images but the model expects " + std::to_string(transform.channels) + "x" +
                              std::to_string(transform.cropHeight) + "x" + std::to_string(transform.cropWidth) +
                              "; IDX images are used as they are (use an ImageFolder data set to resize)");
}

ImageSet loadFolder(const ImageFolderScan& scan, const ImageTransform& transform, std::size_t perClass,
                    std::uint64_t seed)
{
    ImageFolderOptions options;
    options.transform = transform;
    options.imagesPerClass = perClass;
    options.seed = seed;
    return ImageFolderReader::load(scan, options);
}

}  // namespace

ImageSet DatasetImages::training(const DatasetRecord& dataset, const ImageTransform& transform,
                                 const std::vector<int>& classes, std::size_t perClass, std::uint64_t seed)
{
    if (dataset.kind == "idx") {
        ImageSet set = FashionMnist::load(dataset.path, Split::Train);
        requireIdxFits(dataset, set, transform);
        return set;
    }
    if (dataset.kind != "imagefolder")
        throw InvalidArgument("data set '" + dataset.name + "' is of unknown kind '" + dataset.kind + "'");
    const ImageFolderSplits splits = ImageFolderSplits::of(dataset.path);
    return loadFolder(ImageFolderSplits::select(splits.training(), classes), transform, perClass, seed);
}

ImageSet DatasetImages::heldOut(const DatasetRecord& dataset, const ImageTransform& transform, std::size_t perClass)
{
    if (dataset.kind == "idx") {
        ImageSet all = FashionMnist::load(dataset.path, Split::Test);
        requireIdxFits(dataset, all, transform);
        if (perClass == 0)
            return all;
        std::vector<std::size_t> chosen;
        for (std::size_t c = 0; c < all.classNames.size(); ++c) {
            const auto indices = all.indicesOfClass(std::int64_t(c));
            chosen.insert(chosen.end(), indices.begin(),
                          indices.begin() + std::ptrdiff_t(std::min(perClass, indices.size())));
        }
        std::sort(chosen.begin(), chosen.end());
        return all.subset(chosen);
    }
    if (dataset.kind != "imagefolder")
        throw InvalidArgument("data set '" + dataset.name + "' is of unknown kind '" + dataset.kind + "'");
    const ImageFolderSplits splits = ImageFolderSplits::of(dataset.path);
    return loadFolder(ImageFolderSplits::select(splits.heldOut(), {}, perClass), transform, 0, 0);
}

std::unique_ptr<ImageSource> DatasetImages::heldOutSource(const DatasetRecord& dataset, const ImageTransform& transform,
                                                          std::size_t perClass, std::size_t memoryBytes)
{
    if (dataset.kind != "imagefolder")
        return std::make_unique<ImageSetSource>(heldOut(dataset, transform, perClass));
    const ImageFolderSplits splits = ImageFolderSplits::of(dataset.path);
    const ImageFolderScan files = ImageFolderSplits::select(splits.heldOut(), {}, perClass);
    auto onDemand = std::make_unique<ImageFolderSource>(files, transform);
    if (onDemand->count() * onDemand->imageBytes() > memoryBytes)
        return onDemand;
    return std::make_unique<ImageSetSource>(loadFolder(files, transform, 0, 0));
}

}  // namespace nad
