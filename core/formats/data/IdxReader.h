#pragma once

#include "data/ImageSet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nad {

// An unsigned-byte IDX array (the MNIST file format): its dimensions and row-major data.
struct IdxArray
{
    std::vector<std::uint32_t> dims;
    std::vector<std::uint8_t> data;
};

// Reads IDX files, gzip-compressed or plain (zlib reads both), and validates them strictly:
// magic number, data type, dimension count, declared size against a limit (a corrupt header
// must not make us allocate gigabytes) and the exact number of bytes present.
class IdxReader
{
public:
    static constexpr std::uint64_t kDefaultMaxBytes = 4ull << 30;  // 4 GiB of payload

    static IdxArray read(const std::string& path, std::uint64_t maxBytes = kDefaultMaxBytes);

    // Reads an image file (N×H×W) and its label file (N), checks that they agree and that
    // every label names one of `classNames`.
    static ImageSet readImagesAndLabels(const std::string& imagesPath, const std::string& labelsPath,
                                        const std::vector<std::string>& classNames);
};

}  // namespace nad
