// libFuzzer target: the ImageFolder loader on one image file (PNG, JPEG, BMP; other formats are
// refused by their first bytes), through the transforms the engine uses. The first byte picks
// the transform; the rest is the file. A decoded image must come out exactly the size the transform promises.
#include "Errors.h"
#include "FuzzScratch.h"
#include "data/ImageFolderReader.h"

#include <opencv2/core/utils/logger.hpp>

#include <cstdlib>

// OpenCV logs every refused JPEG 2000 stream; the fuzzer's output is for findings.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::uint8_t mode = data[0] % 3;
    const auto& files = nadfuzz::scratch();
    const std::string path = files.write("images/cls/image.png", data + 1, size - 1);
    nad::ImageFolderOptions options;
    int expectedSide = 0;
    int expectedChannels = 0;
    switch (mode) {
    case 0:
        break;  // as stored: any size, gray or RGB
    case 1:
        options.transform = nad::ImageTransform::forModelInput(1, 28, false);
        expectedSide = 28;
        expectedChannels = 1;
        break;
    default:
        options.transform = nad::ImageTransform::forModelInput(3, 32, true);
        expectedSide = 32;
        expectedChannels = 3;
        break;
    }
    try {
        nad::ImageFolderReport report;
        const nad::ImageSet set = nad::ImageFolderReader::load((files.root() / "images").string(), options, &report);
        if (set.count() != 1 || report.loaded != 1 || set.pixels.size() != set.imageBytes())
            std::abort();
        if (set.channels != 1 && set.channels != 3)
            std::abort();
        if (expectedSide &&
            (set.height != expectedSide || set.width != expectedSide || set.channels != expectedChannels))
            std::abort();
    } catch (const nad::Error&) {
    }
    return 0;
}
