#include "data/ImageFolderReader.h"

#include "Errors.h"
#include "data/ImageFile.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <mutex>
#include <numeric>
#include <thread>

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

// A decoded and transformed image, or why the file could not be decoded.
struct DecodedImage
{
    cv::Mat image;
    std::string whyNot;
};

// `raw` through `transform`, or an empty Mat and `whyNot` set when this one image cannot take
// it (so elongated that the resize would be huge, or refused by OpenCV): the file is skipped
// and reported like an undecodable one. A setting wrong for every image (InvalidArgument)
// still fails the load.
cv::Mat transformOrSayWhyNot(const ImageTransform& transform, const cv::Mat& raw, std::string& whyNot)
{
    try {
        return transform.apply(raw);
    } catch (const DataError& e) {
        whyNot = std::string("cannot be transformed (") + e.what() + ")";
    } catch (const cv::Exception& e) {
        whyNot = "cannot be transformed (" + e.err + ")";
    }
    return {};
}

// Decodes and transforms `paths` on `threads` threads, each result in its path's place.
std::vector<DecodedImage> decodeInParallel(const std::vector<std::string>& paths, const ImageTransform& transform,
                                           int threads)
{
    std::vector<DecodedImage> decoded(paths.size());
    if (paths.empty())
        return decoded;
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&] {
        for (std::size_t i = next++; i < paths.size(); i = next++) {
            try {
                cv::Mat raw = ImageFile::read(paths[i], &decoded[i].whyNot);
                if (!raw.empty())
                    decoded[i].image = transformOrSayWhyNot(transform, raw, decoded[i].whyNot);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
            }
        }
    };
    const std::size_t helpers = std::min<std::size_t>(std::size_t(std::max(threads, 1)), paths.size()) - 1;
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < helpers; ++t)
        pool.emplace_back(work);
    work();
    for (auto& thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
    return decoded;
}

// Appends `image` (HWC, as OpenCV holds it) to `set` as CHW planes. Every image must have the
// size of the first (`firstPath`, set when the set is empty).
void appendImage(ImageSet& set, const cv::Mat& image, std::int64_t label, const std::string& path,
                 std::string& firstPath, const std::string& root)
{
    if (set.count() == 0 && set.channels == 0) {
        set.channels = image.channels();
        set.height = image.rows;
        set.width = image.cols;
        firstPath = path;
    } else if (image.channels() != set.channels || image.rows != set.height || image.cols != set.width) {
        throw DataError((root.empty() ? std::string() : "image folder '" + root + "': ") + "'" + path + "' is " +
                        std::to_string(image.cols) + "x" + std::to_string(image.rows) + "x" +
                        std::to_string(image.channels()) + " after the transform but '" + firstPath + "' is " +
                        std::to_string(set.width) + "x" + std::to_string(set.height) + "x" +
                        std::to_string(set.channels) + "; give a resize and centre crop so all images share one size");
    }
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
    set.labels.push_back(label);
}

// One ImageFolderReader::load. Files are decoded in waves of at most kWave on a pool of threads;
// a class takes, in its (sorted or sampled) order, the first files that decode, as reading them
// one by one would, and is appended once it is complete, so the set is the same for any number
// of threads and a wave's images are the only ones held twice.
class FolderLoad
{
public:
    static constexpr std::size_t kWave = 256;

    FolderLoad(const ImageFolderScan& folders, const ImageFolderOptions& options)
        : m_folders(folders), m_options(options), m_classes(folders.files.size()),
          m_threads(ImageFolderReader::decodingThreads(options.threads))
    {
        m_set.classNames = folders.classNames;
        for (std::size_t c = 0; c < m_classes.size(); ++c) {
            auto& state = m_classes[c];
            const auto& files = folders.files[c];
            state.order.resize(files.size());
            std::iota(state.order.begin(), state.order.end(), 0);
            // With a sample, each class has its own stream derived from the seed, so adding a
            // class does not change the others' samples.
            if (options.imagesPerClass > 0)
                state.order = ImageFolderReader::samplePermutation(files.size(), options.seed * 1000003ull + c);
            state.quota = options.imagesPerClass > 0 ? std::min(options.imagesPerClass, files.size()) : files.size();
        }
    }

    void run()
    {
        while (m_flushed < m_classes.size()) {
            std::vector<std::pair<std::size_t, std::size_t>> tasks;  // class, file index
            std::vector<std::string> paths;
            for (std::size_t c = m_flushed; c < m_classes.size() && tasks.size() < kWave; ++c) {
                auto& state = m_classes[c];
                const std::size_t wanted = state.quota - std::min(state.quota, state.accepted.size() + state.inFlight);
                for (std::size_t k = 0; k < wanted && state.cursor < state.order.size() && tasks.size() < kWave; ++k) {
                    const std::size_t file = state.order[state.cursor++];
                    tasks.emplace_back(c, file);
                    paths.push_back(m_folders.files[c][file]);
                    ++state.inFlight;
                }
            }
            auto decoded = decodeInParallel(paths, m_options.transform, m_threads);
            for (std::size_t t = 0; t < tasks.size(); ++t)
                accept(tasks[t].first, paths[t], std::move(decoded[t]));
            while (m_flushed < m_classes.size() && complete(m_flushed))
                flush(m_flushed++);
        }
        m_report.loaded = m_set.count();
    }

    ImageFolderReport report() const { return m_report; }
    ImageSet take() { return std::move(m_set); }

private:
    struct ClassState
    {
        std::vector<std::size_t> order;
        std::size_t cursor = 0;  // next place in `order`
        std::size_t quota = 0;   // images wanted
        std::size_t inFlight = 0;
        std::vector<std::pair<std::string, cv::Mat>> accepted;  // path, image, in order
        std::string firstFailure;
    };

    void accept(std::size_t c, const std::string& path, DecodedImage decoded)
    {
        auto& state = m_classes[c];
        --state.inFlight;
        if (decoded.image.empty()) {
            m_report.skipped.emplace_back(path, decoded.whyNot);
            if (state.firstFailure.empty())
                state.firstFailure = "'" + path + "' " + decoded.whyNot;
            return;
        }
        state.accepted.emplace_back(path, std::move(decoded.image));
    }

    bool complete(std::size_t c) const
    {
        const auto& state = m_classes[c];
        return state.inFlight == 0 && (state.accepted.size() >= state.quota || state.cursor == state.order.size());
    }

    void flush(std::size_t c)
    {
        auto& state = m_classes[c];
        if (state.accepted.empty() && !m_folders.files[c].empty())
            throw DataError("class folder '" + m_folders.classNames[c] + "' in '" + m_folders.root +
                            "' has no image that can be decoded (" + state.firstFailure + ")");
        for (const auto& [path, image] : state.accepted)
            append(path, image, std::int64_t(c));
        state.accepted = {};
    }

    void append(const std::string& path, const cv::Mat& image, std::int64_t label)
    {
        appendImage(m_set, image, label, path, m_firstPath, m_folders.root);
    }

    const ImageFolderScan& m_folders;
    const ImageFolderOptions& m_options;
    std::vector<ClassState> m_classes;
    int m_threads;
    std::size_t m_flushed = 0;  // classes appended to the set
    ImageSet m_set;
    ImageFolderReport m_report;
    std::string m_firstPath;
};

}  // namespace

int ImageFolderReader::decodingThreads(int requested)
{
    if (requested > 0)
        return requested;
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

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
    FolderLoad load(folders, options);
    load.run();
    if (report)
        *report = load.report();
    return load.take();
}

ImageSet ImageFolderReader::loadFiles(const std::vector<std::string>& paths, const std::vector<std::int64_t>& labels,
                                      const ImageTransform& transform, int threads, std::vector<std::size_t>* kept,
                                      ImageFolderReport* report)
{
    if (labels.size() != paths.size())
        throw InvalidArgument("one label per file is needed");
    transform.validate();
    ImageSet set;
    std::string firstPath;
    if (kept)
        kept->clear();
    ImageFolderReport skipped;
    // In waves, so only a wave's images are held twice (decoded, then in the set).
    for (std::size_t first = 0; first < paths.size(); first += FolderLoad::kWave) {
        const std::size_t count = std::min(FolderLoad::kWave, paths.size() - first);
        const std::vector<std::string> wave(paths.begin() + std::ptrdiff_t(first),
                                            paths.begin() + std::ptrdiff_t(first + count));
        auto decoded = decodeInParallel(wave, transform, decodingThreads(threads));
        for (std::size_t k = 0; k < count; ++k) {
            if (decoded[k].image.empty()) {
                skipped.skipped.emplace_back(wave[k], decoded[k].whyNot);
                continue;
            }
            appendImage(set, decoded[k].image, labels[first + k], wave[k], firstPath, "");
            if (kept)
                kept->push_back(first + k);
        }
    }
    skipped.loaded = set.count();
    if (report)
        *report = std::move(skipped);
    return set;
}

}  // namespace nad
