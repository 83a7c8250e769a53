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

// The first bytes of the formats an image folder lists: PNG's signature, JPEG's start-of-image
// marker followed by a marker's 0xFF, and BMP's "BM".
bool isJpegPngOrBmp(const std::string& head)
{
    const auto startsWith = [&head](const char* magic, std::size_t length) {
        return head.size() >= length && head.compare(0, length, magic, length) == 0;
    };
    return startsWith("\x89PNG\r\n\x1a\n", 8) || startsWith("\xff\xd8\xff", 3) || startsWith("BM", 2);
}

// Why the file cannot be handed to a decoder, or "" when it can.
std::string whyNotDecodable(const std::string& path)
{
    std::error_code ec;
    if (fs::file_size(path, ec) == 0 && !ec)
        return "is empty (0 bytes)";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::string("cannot be read (") + std::strerror(errno) + ")";
    std::string head(8, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    return isJpegPngOrBmp(head) ? std::string() : "is not a JPEG, PNG or BMP image";
}

}  // namespace

cv::Mat ImageFile::read(const std::string& path, std::string* whyNot)
{
    std::string reason = whyNotDecodable(path);
    cv::Mat image;
    if (reason.empty()) {
        try {
            image = cv::imread(path, cv::IMREAD_UNCHANGED);
            if (image.empty())
                reason = "cannot be decoded as an image";
        } catch (const cv::Exception& e) {
            reason = "is refused by the image decoder (" + e.err + ")";
        } catch (const std::exception& e) {
            reason = std::string("is refused by the image decoder (") + e.what() + ")";
        }
    }
    if (!reason.empty()) {
        image.release();
        if (whyNot)
            *whyNot = reason;
    }
    return image;
}

}  // namespace nad
