#include "data/DatasetInspector.h"

#include "Errors.h"
#include "data/FashionMnist.h"
#include "data/IdxReader.h"
#include "data/ImageFile.h"
#include "data/ImageFolderReader.h"

#include <filesystem>
#include <set>

namespace nad {
namespace fs = std::filesystem;

namespace {

void inspectIdx(DatasetSummary& summary)
{
    summary.kind = "idx";
    summary.classNames = FashionMnist::classNames();
    for (Split split : {Split::Train, Split::Test}) {
        const ImageSet set = FashionMnist::load(summary.path, split);
        SplitSummary s;
        s.name = split == Split::Train ? "train" : "test";
        s.location = FashionMnist::imagesFile(summary.path, split);
        s.total = set.count();
        s.perClass = set.countsPerClass();
        summary.channels = set.channels;
        summary.height = set.height;
        summary.width = set.width;
        summary.splits.push_back(std::move(s));
    }
    summary.sizeNote = "all " + std::to_string(summary.width) + "x" + std::to_string(summary.height) + ", 1 channel";
    summary.hierarchy = FashionMnist::builtinHierarchy();
    summary.hierarchySource = "built-in";
}

// Sizes of the first file of each class (decoding every file of ImageNet would take hours).
void sampleImageSize(DatasetSummary& summary, const ImageFolderScan& scan)
{
    std::set<std::string> sizes;
    std::size_t sampled = 0;
    for (const auto& files : scan.files) {
        const cv::Mat image = ImageFile::read(files.front());
        if (image.empty())
            continue;
        if (sampled++ == 0) {
            summary.channels = image.channels() == 4 ? 3 : image.channels();
            summary.height = image.rows;
            summary.width = image.cols;
        }
        sizes.insert(std::to_string(image.cols) + "x" + std::to_string(image.rows));
    }
    if (sampled == 0)
        summary.sizeNote = "no decodable image among the first file of each class";
    else if (sizes.size() == 1)
        summary.sizeNote = *sizes.begin() + " (first file of each of " + std::to_string(sampled) + " classes)";
    else
        summary.sizeNote = "varies: " + std::to_string(sizes.size()) + " sizes among the first file of " +
                           std::to_string(sampled) + " classes";
}

void inspectImageFolder(DatasetSummary& summary)
{
    summary.kind = "imagefolder";
    std::vector<std::pair<std::string, fs::path>> splitDirs;
    for (const char* name : {"train", "val", "test"}) {
        const fs::path dir = fs::path(summary.path) / name;
        if (fs::is_directory(dir))
            splitDirs.emplace_back(name, dir);
    }
    // A root with train/ and val|test/ is split; anything else is one ImageFolder.
    if (splitDirs.size() < 2 || splitDirs.front().first != "train")
        splitDirs = {{"all", fs::path(summary.path)}};

    ImageFolderScan firstScan;
    for (const auto& [name, dir] : splitDirs) {
        const ImageFolderScan scan = ImageFolderReader::scan(dir.string());
        if (summary.classNames.empty()) {
            summary.classNames = scan.classNames;
            firstScan = scan;
        } else if (scan.classNames != summary.classNames) {
            throw DataError("image folder '" + dir.string() + "' has other classes than '" +
                            splitDirs.front().second.string() + "'");
        }
        SplitSummary s;
        s.name = name;
        s.location = dir.string();
        for (const auto& files : scan.files) {
            s.perClass.push_back(files.size());
            s.total += files.size();
        }
        summary.splits.push_back(std::move(s));
    }
    sampleImageSize(summary, firstScan);
}

}  // namespace

DatasetSummary DatasetInspector::inspect(const std::string& path, const std::string& hierarchyPath)
{
    DatasetSummary summary;
    summary.path = path;
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw DataError("data set '" + path + "' does not exist");
    if (fs::is_directory(path, ec) && FashionMnist::looksLikeIdxDirectory(path))
        inspectIdx(summary);
    else if (fs::is_directory(path, ec))
        inspectImageFolder(summary);
    else
        throw DataError("data set '" + path +
                        "' is neither an IDX folder (train/t10k *-idx?-ubyte.gz files) nor an "
                        "ImageFolder (one sub-folder per class)");

    std::string hierarchyFile = hierarchyPath;
    if (hierarchyFile.empty() && fs::is_regular_file(fs::path(path) / "hierarchy.json", ec))
        hierarchyFile = (fs::path(path) / "hierarchy.json").string();
    if (!hierarchyFile.empty()) {
        summary.hierarchy = ConceptHierarchy::fromJsonFile(hierarchyFile, summary.classNames);
        summary.hierarchySource = hierarchyFile;
    }
    return summary;
}

}  // namespace nad
