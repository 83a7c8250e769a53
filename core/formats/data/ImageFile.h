#pragma once

#include <opencv2/core/mat.hpp>

#include <string>

namespace nad {

// Decodes one image file without ever throwing. Only the formats an image folder lists
// (.jpg/.jpeg, .png, .bmp) are decoded, recognized by their first bytes: OpenCV would otherwise
// hand any file to whichever of its decoders claims it (DICOM through GDCM, GDAL, JPEG 2000,
// OpenEXR, ...), code paths no dataset of ours needs and the fuzzer keeps finding faults in.
// OpenCV answers some malformed headers (e.g. a width over its 2^20 limit) with an exception
// instead of an empty image; such a file is skipped like any other undecodable one, naming the
// file and the reason.
class ImageFile
{
public:
    // The decoded image as stored (IMREAD_UNCHANGED), or an empty Mat with `whyNot` set to
    // "is empty (0 bytes)", "cannot be read (...)", "is not a JPEG, PNG or BMP image",
    // "cannot be decoded as an image" or "is refused by the image decoder (...)".
    static cv::Mat read(const std::string& path, std::string* whyNot = nullptr);
};

}  // namespace nad
