#include "data/ImageFolderSplits.h"

#include "Errors.h"

#include <algorithm>
#include <filesystem>

namespace nad {
namespace fs = std::filesystem;

namespace {

// Fixed, so the held-out fifth of a single-folder data set never changes between runs and
// machines (a run's evaluation must be reproducible from the project alone).
constexpr std::uint64_t kHeldOutSeed = 0x4E414453;  // "NADS"

}  // namespace

ImageFolderSplits ImageFolderSplits::of(const std::string& root)
{
    ImageFolderSplits splits;
    std::error_code ec;
    const fs::path base(root);
    const bool hasTrain = fs::is_directory(base / "train", ec);
    const bool hasTest = fs::is_directory(base / "test", ec);
    const bool hasVal = fs::is_directory(base / "val", ec);
    if (hasTrain && (hasTest || hasVal)) {
        splits.m_trainingName = "train";
        splits.m_heldOutName = hasTest ? "test" : "val";
        splits.m_training = ImageFolderReader::scan((base / "train").string());
        splits.m_heldOut = ImageFolderReader::scan((base / splits.m_heldOutName).string());
        if (splits.m_heldOut.classNames != splits.m_training.classNames)
            throw DataError("image folder '" + splits.m_heldOut.root + "' has other classes than '" +
                            splits.m_training.root + "'");
        return splits;
    }

    const ImageFolderScan all = ImageFolderReader::scan(root);
    splits.m_trainingName = splits.m_heldOutName = "all";
    splits.m_derived = true;
    splits.m_training.root = splits.m_heldOut.root = all.root;
    splits.m_training.classNames = splits.m_heldOut.classNames = all.classNames;
    for (std::size_t c = 0; c < all.files.size(); ++c) {
        const auto& files = all.files[c];
        if (files.size() < 2)
            throw DataError("class folder '" + (base / all.classNames[c]).string() +
                            "' holds one image; without train/ and test/ (or val/) sub-folders every class "
                            "needs at least two, one to learn from and one held out for evaluation");
        const std::size_t heldOut = std::max<std::size_t>(1, files.size() / 5);
        const auto order = ImageFolderReader::samplePermutation(files.size(), kHeldOutSeed + c);
        std::vector<std::string> held, learn;
        for (std::size_t k = 0; k < order.size(); ++k)
            (k < heldOut ? held : learn).push_back(files[order[k]]);
        std::sort(held.begin(), held.end());
        std::sort(learn.begin(), learn.end());
        splits.m_heldOut.files.push_back(std::move(held));
        splits.m_training.files.push_back(std::move(learn));
    }
    return splits;
}

ImageFolderScan ImageFolderSplits::select(const ImageFolderScan& scan, const std::vector<int>& classes,
                                          std::size_t firstPerClass)
{
    ImageFolderScan selected = scan;
    for (std::size_t c = 0; c < selected.files.size(); ++c) {
        auto& files = selected.files[c];
        if (!classes.empty() && std::find(classes.begin(), classes.end(), int(c)) == classes.end())
            files.clear();
        else if (firstPerClass > 0 && files.size() > firstPerClass)
            files.resize(firstPerClass);
    }
    return selected;
}

}  // namespace nad
