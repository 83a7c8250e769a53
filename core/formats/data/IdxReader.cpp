#include "data/IdxReader.h"

#include "Errors.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <sstream>

namespace nad {
namespace {

constexpr std::uint8_t kUnsignedByteType = 0x08;
constexpr int kMaxDims = 4;
constexpr std::uint64_t kFirstChunkBytes = 64ull << 10;
constexpr std::uint64_t kMaxChunkBytes = 64ull << 20;

struct GzCloser
{
    void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

// Reads up to `size` bytes; returns how many were read, throws on a decompression error.
std::size_t readBytes(gzFile file, const std::string& path, std::uint8_t* out, std::size_t size)
{
    std::size_t total = 0;
    while (total < size) {
        const unsigned chunk = unsigned(std::min<std::size_t>(size - total, 1u << 30));
        const int got = gzread(file, out + total, chunk);
        if (got < 0) {
            int code = 0;
            const char* message = gzerror(file, &code);
            throw DataError("IDX file '" + path +
                            "' cannot be decompressed: " + (message ? message : "unknown zlib error"));
        }
        if (got == 0)
            break;
        total += std::size_t(got);
    }
    return total;
}

std::string describeDims(const std::vector<std::uint32_t>& dims)
{
    std::ostringstream s;
    for (std::size_t i = 0; i < dims.size(); ++i)
        s << (i ? "x" : "") << dims[i];
    return s.str();
}

}  // namespace

IdxArray IdxReader::read(const std::string& path, std::uint64_t maxBytes)
{
    GzFile file(gzopen(path.c_str(), "rb"));
    if (!file)
        throw DataError("IDX file '" + path + "' cannot be opened (missing or unreadable)");

    std::array<std::uint8_t, 4> magic{};
    const std::size_t magicRead = readBytes(file.get(), path, magic.data(), magic.size());
    if (magicRead < magic.size())
        throw DataError("IDX file '" + path + "' is truncated: expected at least 4 bytes of header, found " +
                        std::to_string(magicRead));
    if (magic[0] != 0 || magic[1] != 0 || magic[3] < 1 || magic[3] > kMaxDims) {
        std::ostringstream s;
        s << "IDX file '" << path << "' has a wrong magic number 0x" << std::hex;
        for (auto b : magic)
            s << (b < 16 ? "0" : "") << int(b);
        s << " (expected 0x000008NN with 1 to " << kMaxDims << " dimensions)";
        throw DataError(s.str());
    }
    if (magic[2] != kUnsignedByteType)
        throw DataError("IDX file '" + path + "' stores data type 0x" + std::to_string(int(magic[2])) +
                        "; only unsigned bytes (0x08) are supported");

    const int dimCount = magic[3];
    std::vector<std::uint8_t> header(std::size_t(dimCount) * 4);
    const std::size_t headerRead = readBytes(file.get(), path, header.data(), header.size());
    if (headerRead < header.size())
        throw DataError("IDX file '" + path + "' is truncated: expected " + std::to_string(4 + header.size()) +
                        " bytes of header, found " + std::to_string(4 + headerRead));

    IdxArray array;
    std::uint64_t payload = 1;
    for (int d = 0; d < dimCount; ++d) {
        const std::uint8_t* b = header.data() + 4 * d;
        const std::uint32_t size = (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) |
                                   (std::uint32_t(b[2]) << 8) | std::uint32_t(b[3]);
        if (size == 0)
            throw DataError("IDX file '" + path + "' declares an empty dimension " + std::to_string(d));
        array.dims.push_back(size);
        payload *= size;
        if (payload > maxBytes)
            throw DataError("IDX file '" + path + "' declares dimensions " + describeDims(array.dims) +
                            "... larger than the limit of " + std::to_string(maxBytes) + " bytes");
    }

    const std::uint64_t expectedTotal = 4 + header.size() + payload;
    // Grow the buffer as the data arrives rather than trusting the header: a 20-byte file that
    // declares 4 GiB must fail as truncated without allocating 4 GiB first.
    std::size_t dataRead = 0;
    while (dataRead < payload) {
        // Doubling chunks: a small file costs little, a large one a handful of reallocations.
        const std::uint64_t want = std::clamp<std::uint64_t>(dataRead, kFirstChunkBytes, kMaxChunkBytes);
        const std::size_t chunk = std::size_t(std::min<std::uint64_t>(payload - dataRead, want));
        array.data.resize(dataRead + chunk);
        const std::size_t got = readBytes(file.get(), path, array.data.data() + dataRead, chunk);
        dataRead += got;
        if (got < chunk)
            break;
    }
    array.data.resize(dataRead);
    if (dataRead < payload)
        throw DataError("IDX file '" + path + "' is truncated: expected " + std::to_string(expectedTotal) +
                        " bytes, found " + std::to_string(4 + header.size() + dataRead) + " (dimensions " +
                        describeDims(array.dims) + ")");
    std::uint8_t extra = 0;
    if (readBytes(file.get(), path, &extra, 1) != 0)
        throw DataError("IDX file '" + path + "' has data after the " + std::to_string(expectedTotal) +
                        " bytes its header declares (dimensions " + describeDims(array.dims) + ")");
    return array;
}

ImageSet IdxReader::readImagesAndLabels(const std::string& imagesPath, const std::string& labelsPath,
                                        const std::vector<std::string>& classNames)
{
    if (classNames.empty())
        throw InvalidArgument("no class names given for '" + labelsPath + "'");
    IdxArray images = read(imagesPath);
    if (images.dims.size() != 3)
        throw DataError("IDX file '" + imagesPath + "' has " + std::to_string(images.dims.size()) +
                        " dimensions; an image file has 3 (count x height x width)");
    IdxArray labels = read(labelsPath);
    if (labels.dims.size() != 1)
        throw DataError("IDX file '" + labelsPath + "' has " + std::to_string(labels.dims.size()) +
                        " dimensions; a label file has 1 (count)");
    if (labels.dims[0] != images.dims[0])
        throw DataError("IDX files disagree: '" + imagesPath + "' holds " + std::to_string(images.dims[0]) +
                        " images but '" + labelsPath + "' holds " + std::to_string(labels.dims[0]) + " labels");

    ImageSet set;
    set.channels = 1;
    set.height = int(images.dims[1]);
    set.width = int(images.dims[2]);
    set.classNames = classNames;
    set.pixels = std::move(images.data);
    set.labels.reserve(labels.data.size());
    for (std::size_t i = 0; i < labels.data.size(); ++i) {
        const std::uint8_t label = labels.data[i];
        if (label >= classNames.size())
            throw DataError("IDX file '" + labelsPath + "': label " + std::to_string(label) + " of item " +
                            std::to_string(i) + " is not a class index (0 to " + std::to_string(classNames.size() - 1) +
                            ")");
        set.labels.push_back(label);
    }
    return set;
}

}  // namespace nad
