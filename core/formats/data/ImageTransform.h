#pragma once

#include <opencv2/core.hpp>

#include <string>

namespace nad {

// The usual torchvision-style preprocessing of a decoded image, on 8-bit pixels:
// channel adaptation, then resize, then centre crop. Normalization to floats is separate
// (Normalization.h) because images are stored as bytes and normalized per batch.
struct ImageTransform
{
    int channels = 0;           // 1 or 3; 0 keeps what the first image has (after alpha removal)
    int resizeShorterSide = 0;  // like Resize(int): the shorter side becomes this, aspect kept
    int resizeHeight = 0;       // like Resize((h, w)) when both are > 0; wins over shorter side
    int resizeWidth = 0;
    int cropHeight = 0;  // centre crop; 0 = none
    int cropWidth = 0;

    // The most pixels a resize may produce (8192 x 8192). Resizing the shorter side of a
    // 1 x 100,000 image to 256 would ask for 25.6 million rows: such a file (a few hundred bytes
    // of PNG) is refused, not allowed to take gigabytes.
    static constexpr double kMaxResizedPixels = 8192.0 * 8192.0;

    // What a network with square `size` x `size` input of `channels` channels sees: the shorter
    // side resized to `size`, then a centre crop. With `torchvisionEvaluation`, the shorter
    // side becomes size · 256/224 first (torchvision's ImageNet evaluation: Resize(256) +
    // CenterCrop(224)), which is what models trained with torchvision's recipes expect.
    static ImageTransform forModelInput(int channels, int size, bool torchvisionEvaluation);

    // Throws InvalidArgument naming the field when a value is out of range.
    void validate() const;
    // `image` as decoded by OpenCV (gray, BGR or BGRA, 8 or 16 bit). Returns 8-bit gray or RGB.
    // Throws InvalidArgument when the image is smaller than the crop, DataError when it is so
    // elongated that the resize would exceed kMaxResizedPixels.
    cv::Mat apply(const cv::Mat& image) const;
    // Describes the pipeline, e.g. "resize shorter side 256, centre crop 224x224, RGB".
    std::string describe() const;
};

}  // namespace nad
