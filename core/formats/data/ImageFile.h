#pragma once

#include <opencv2/core/mat.hpp>

#include <string>

namespace nad {

// Decodes one image file (JPEG, PNG, BMP; whatever OpenCV sniffs from its bytes) without ever
// throwing: OpenCV answers some malformed headers (e.g. a width over its 2^20 limit) with a
// cv::Exception instead of an empty image, and such a file must be skipped like any other
// undecodable one, naming the file and the reason.
class ImageFile
{
public:
    // The decoded image as stored (IMREAD_UNCHANGED), or an empty Mat with `whyNot` set to
    // "is empty (0 bytes)", "cannot be read (...)", "cannot be decoded as an image" or
    // "is refused by the image decoder (...)".
    static cv::Mat read(const std::string& path, std::string* whyNot = nullptr);
};

}  // namespace nad
