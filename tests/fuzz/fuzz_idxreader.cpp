// libFuzzer target: the IDX reader (plain or gzip) and the image/label pairing check.
// The first byte picks the mode; the rest is the file (mode 0) or, after a 2-byte little-endian
// length, the image file and then the label file (mode 1). Anything but nad::Error is a finding,
// as is an accepted array whose data disagrees with its dimensions.
#include "Errors.h"
#include "FuzzScratch.h"
#include "data/IdxReader.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {
const std::vector<std::string> kClasses = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::uint8_t mode = data[0] % 2;
    ++data;
    --size;
    const auto& files = nadfuzz::scratch();
    try {
        if (mode == 0) {
            const std::string path = files.write("array.idx", data, size);
            const nad::IdxArray array = nad::IdxReader::read(path);
            std::uint64_t expected = 1;
            for (const auto d : array.dims)
                expected *= d;
            if (array.dims.empty() || array.dims.size() > 4 || expected != array.data.size())
                std::abort();
        } else {
            if (size < 2)
                return 0;
            const std::size_t half =
                std::min<std::size_t>(size - 2, std::size_t(data[0]) | (std::size_t(data[1]) << 8));
            data += 2;
            size -= 2;
            const std::string images = files.write("images.idx", data, half);
            const std::string labels = files.write("labels.idx", data + half, size - half);
            const nad::ImageSet set = nad::IdxReader::readImagesAndLabels(images, labels, kClasses);
            if (set.labels.size() != set.count() || set.pixels.size() != set.count() * set.imageBytes())
                std::abort();
            for (const auto label : set.labels)
                if (label < 0 || std::size_t(label) >= kClasses.size())
                    std::abort();
        }
    } catch (const nad::Error&) {
    }
    return 0;
}
