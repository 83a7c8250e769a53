#include "data/ImageFile.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace nad {

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

// Why `bytes` (the whole file) must not reach a decoder, or "" when they may.
std::string whyNotDecodable(const std::vector<char>& bytes)
{
    if (bytes.empty())
        return "is empty (0 bytes)";
    if (!isJpegPngOrBmp(std::string(bytes.data(), std::min<std::size_t>(bytes.size(), 8))))
        return "is not a JPEG, PNG or BMP image";
    return {};
}

}  // namespace

cv::Mat ImageFile::read(const std::string& path, std::string* whyNot)
{
    // The file is read once; its first bytes choose whether a decoder sees it at all.
    std::ifstream in(path, std::ios::binary);
    std::string reason;
    cv::Mat image;
    if (!in) {
        reason = std::string("cannot be read (") + std::strerror(errno) + ")";
    } else {
        in.seekg(0, std::ios::end);
        std::vector<char> bytes(std::size_t(std::max<std::streamoff>(0, in.tellg())));
        in.seekg(0);
        in.read(bytes.data(), std::streamsize(bytes.size()));
        bytes.resize(std::size_t(in.gcount()));
        reason = whyNotDecodable(bytes);
        if (reason.empty()) {
            try {
                image = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
                if (image.empty())
                    reason = "cannot be decoded as an image";
            } catch (const cv::Exception& e) {
                reason = "is refused by the image decoder (" + e.err + ")";
            } catch (const std::exception& e) {
                reason = std::string("is refused by the image decoder (") + e.what() + ")";
            }
        }
    }
    if (!reason.empty() && whyNot)
        *whyNot = reason;
    return reason.empty() ? image : cv::Mat();
}

}  // namespace nad
