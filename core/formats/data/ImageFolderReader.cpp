#include "data/ImageFolderReader.h"

#include "Errors.h"
#include "data/ImageFile.h"

#include <algorithm>
#include <filesystem>

namespace nad {
namespace fs = std::filesystem;

namespace {

std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::string lowerExtension(const fs::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

}  // namespace

bool ImageFolderReader::isImageFile(const std::string& path)
{
    const std::string ext = lowerExtension(path);
    return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".bmp";
}

ImageFolderScan ImageFolderReader::scan(const std::string& root)
{
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw DataError("image folder '" + root + "' does not exist or is not a folder");
    ImageFolderScan result;
    result.root = root;
    std::vector<fs::path> classDirs;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && !name.empty() && name[0] != '.')
            classDirs.push_back(entry.path());
    }
    if (ec)
        throw DataError("image folder '" + root + "' cannot be listed: " + ec.message());
    if (classDirs.empty())
        throw DataError("image folder '" + root + "' has no class sub-folders (expected ROOT/<class>/<image files>)");
    std::sort(classDirs.begin(), classDirs.end());
    for (const fs::path& dir : classDirs) {
        std::vector<std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
            if (entry.is_regular_file() && isImageFile(entry.path().string()))
                files.push_back(entry.path().string());
        }
        if (files.empty())
            throw DataError("class folder '" + dir.string() + "' holds no image files (.jpg, .jpeg, .png, .bmp)");
        std::sort(files.begin(), files.end());
        result.classNames.push_back(dir.filename().string());
        result.files.push_back(std::move(files));
    }
    return result;
}

std::vector<std::size_t> ImageFolderReader::samplePermutation(std::size_t total, std::uint64_t seed)
{
    std::vector<std::size_t> order(total);
    for (std::size_t i = 0; i < total; ++i)
        order[i] = i;
    std::uint64_t state = seed;
    for (std::size_t i = 0; i + 1 < total; ++i) {
        const std::size_t j = i + std::size_t(splitMix64(state) % (total - i));
        std::swap(order[i], order[j]);
    }
    return order;
}

ImageSet ImageFolderReader::load(const std::string& root, const ImageFolderOptions& options, ImageFolderReport* report)
{
    options.transform.validate();
    return load(scan(root), options, report);
}

ImageSet ImageFolderReader::load(const ImageFolderScan& folders, const ImageFolderOptions& options,
                                 ImageFolderReport* report)
{
    options.transform.validate();
    const std::string& root = folders.root;
    ImageSet set;
    set.classNames = folders.classNames;
    ImageFolderReport localReport;
    std::string firstPath;

    for (std::size_t c = 0; c < folders.files.size(); ++c) {
        const auto& files = folders.files[c];
        // Without a sample, files are read in sorted order; with one, each class gets its own
        // stream derived from the seed so adding a class does not change the others' samples.
        std::vector<std::size_t> order(files.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        if (options.imagesPerClass > 0)
            order = samplePermutation(files.size(), options.seed * 1000003ull + c);
        std::size_t taken = 0;
        std::string firstFailure;
        for (std::size_t k = 0; k < order.size(); ++k) {
            if (options.imagesPerClass > 0 && taken == options.imagesPerClass)
                break;
            const std::string& path = files[order[k]];
            std::string whyNot;
            cv::Mat decoded = ImageFile::read(path, &whyNot);
            if (decoded.empty()) {
                localReport.skipped.emplace_back(path, whyNot);
                if (firstFailure.empty())
                    firstFailure = "'" + path + "' " + localReport.skipped.back().second;
                continue;
            }
            cv::Mat image = options.transform.apply(decoded);
            if (set.count() == 0 && set.channels == 0) {
                set.channels = image.channels();
                set.height = image.rows;
                set.width = image.cols;
                firstPath = path;
            } else if (image.channels() != set.channels || image.rows != set.height || image.cols != set.width) {
                throw DataError("image folder '" + root + "': '" + path + "' is " + std::to_string(image.cols) + "x" +
                                std::to_string(image.rows) + "x" + std::to_string(image.channels()) +
                                " after the transform but '" + firstPath + "' is " + std::to_string(set.width) + "x" +
                                std::to_string(set.height) + "x" + std::to_string(set.channels) +
                                "; give a resize and centre crop so all images share one size");
            }
            // OpenCV holds HWC (interleaved); we store CHW planes.
            const std::size_t offset = set.pixels.size();
            set.pixels.resize(offset + set.imageBytes());
            const int plane = set.height * set.width;
            for (int y = 0; y < set.height; ++y) {
                const std::uint8_t* row = image.ptr<std::uint8_t>(y);
                for (int x = 0; x < set.width; ++x)
                    for (int ch = 0; ch < set.channels; ++ch)
                        set.pixels[offset + std::size_t(ch) * plane + std::size_t(y) * set.width + x] =
                            row[x * set.channels + ch];
            }
            set.labels.push_back(std::int64_t(c));
            ++taken;
        }
        if (taken == 0 && !files.empty())
            throw DataError("class folder '" + folders.classNames[c] + "' in '" + root +
                            "' has no image that can be decoded (" + firstFailure + ")");
    }
    localReport.loaded = set.count();
    if (report)
        *report = std::move(localReport);
    return set;
}

}  // namespace nad
