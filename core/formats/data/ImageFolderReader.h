#pragma once

#include "data/ImageSet.h"
#include "data/ImageTransform.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace nad {

// The files of an ImageFolder data set: one sub-folder per class, classes in sorted order.
struct ImageFolderScan
{
    std::string root;
    std::vector<std::string> classNames;
    std::vector<std::vector<std::string>> files;  // per class, sorted paths
};

struct ImageFolderOptions
{
    ImageTransform transform;
    std::size_t imagesPerClass = 0;  // 0 = every image
    std::uint64_t seed = 0;          // which images a per-class sample takes
    int threads = 0;                 // decoding threads; 0 = one per core
};

// What loading skipped: undecodable files are counted and reported, never fatal.
struct ImageFolderReport
{
    std::size_t loaded = 0;
    std::vector<std::pair<std::string, std::string>> skipped;  // path, reason
};

// Reads torchvision-style ImageFolder data sets (JPEG, PNG, BMP; any size; gray or colour).
class ImageFolderReader
{
public:
    // Throws DataError for a missing root, a root without class folders, or an empty class.
    static ImageFolderScan scan(const std::string& root);

    // Decodes and transforms the images, on `options.threads` threads (the result does not
    // depend on the number). All images must end up the same size: give a resize
    // and/or crop when the files differ. With imagesPerClass > 0, takes a seeded sample per
    // class (the same files for the same seed on every machine), replacing skipped files with
    // the next ones of the sample order.
    static ImageSet load(const std::string& root, const ImageFolderOptions& options,
                         ImageFolderReport* report = nullptr);
    // The same on files chosen by the caller (a split, a subset of classes): a class whose file
    // list is empty is skipped, and labels stay the class's index in `folders.classNames`.
    static ImageSet load(const ImageFolderScan& folders, const ImageFolderOptions& options,
                         ImageFolderReport* report = nullptr);

    // The files at `paths`, labelled `labels`, decoded on `threads` threads (0: one per core) in
    // that order. A file that cannot be decoded is left out (and reported); `kept` receives the
    // positions in `paths` of the images the set holds.
    static ImageSet loadFiles(const std::vector<std::string>& paths, const std::vector<std::int64_t>& labels,
                              const ImageTransform& transform, int threads, std::vector<std::size_t>* kept = nullptr,
                              ImageFolderReport* report = nullptr);

    // A deterministic permutation prefix: `count` distinct indices out of [0, total).
    // Own SplitMix64-driven Fisher-Yates, because std::shuffle differs between libraries.
    static std::vector<std::size_t> samplePermutation(std::size_t total, std::uint64_t seed);

    static bool isImageFile(const std::string& path);
    // The decoding threads `requested` (0: one per core) means on this machine.
    static int decodingThreads(int requested);
};

}  // namespace nad
