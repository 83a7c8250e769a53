#include "data/ImageFile.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace nad {
namespace fs = std::filesystem;

namespace {

// Why OpenCV returned no image: the user fixes an empty or unreadable file differently from a
// file that is not an image at all.
std::string whyUndecodable(const std::string& path)
{
    std::error_code ec;
    if (fs::file_size(path, ec) == 0 && !ec)
        return "is empty (0 bytes)";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::string("cannot be read (") + std::strerror(errno) + ")";
    return "cannot be decoded as an image";
}

}  // namespace

cv::Mat ImageFile::read(const std::string& path, std::string* whyNot)
{
    cv::Mat image;
    try {
        image = cv::imread(path, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        if (whyNot)
            *whyNot = "is refused by the image decoder (" + e.err + ")";
        return {};
    }
    if (image.empty() && whyNot)
        *whyNot = whyUndecodable(path);
    return image;
}

}  // namespace nad
