#include "data/ImageTransform.h"

#include "Errors.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace nad {

ImageTransform ImageTransform::forModelInput(int channels, int size, bool torchvisionEvaluation)
{
    ImageTransform transform;
    transform.channels = channels;
    transform.resizeShorterSide = torchvisionEvaluation ? int(std::lround(size * 256.0 / 224.0)) : size;
    transform.cropHeight = size;
    transform.cropWidth = size;
    return transform;
}

void ImageTransform::validate() const
{
    if (channels != 0 && channels != 1 && channels != 3)
        throw InvalidArgument("transform: channels must be 1 or 3 (or 0 to keep), got " + std::to_string(channels));
    if (resizeShorterSide < 0 || resizeHeight < 0 || resizeWidth < 0 || cropHeight < 0 || cropWidth < 0)
        throw InvalidArgument("transform: sizes must not be negative");
    if ((resizeHeight > 0) != (resizeWidth > 0))
        throw InvalidArgument("transform: give both resize height and width, or neither");
    if ((cropHeight > 0) != (cropWidth > 0))
        throw InvalidArgument("transform: give both crop height and width, or neither");
    if (double(resizeHeight) * resizeWidth > kMaxResizedPixels)
        throw InvalidArgument("transform: a resize to " + std::to_string(resizeHeight) + "x" +
                              std::to_string(resizeWidth) + " is over the limit of 8192x8192 pixels");
}

cv::Mat ImageTransform::apply(const cv::Mat& input) const
{
    if (input.empty())
        throw InvalidArgument("transform: empty image");
    cv::Mat image = input;
    if (image.depth() == CV_16U)
        image.convertTo(image, CV_8U, 1.0 / 257.0);
    else if (image.depth() != CV_8U)
        image.convertTo(image, CV_8U);

    // OpenCV decodes to gray, BGR or BGRA; we store gray or RGB.
    cv::Mat rgbOrGray;
    switch (image.channels()) {
    case 1:
        rgbOrGray = image;
        break;
    case 3:
        cv::cvtColor(image, rgbOrGray, cv::COLOR_BGR2RGB);
        break;
    case 4:
        cv::cvtColor(image, rgbOrGray, cv::COLOR_BGRA2RGB);
        break;
    default:
        throw InvalidArgument("transform: images with " + std::to_string(image.channels()) +
                              " channels are not supported");
    }
    if (channels == 3 && rgbOrGray.channels() == 1)
        cv::cvtColor(rgbOrGray, rgbOrGray, cv::COLOR_GRAY2RGB);
    else if (channels == 1 && rgbOrGray.channels() == 3)
        cv::cvtColor(rgbOrGray, rgbOrGray, cv::COLOR_RGB2GRAY);

    cv::Mat resized = rgbOrGray;
    if (resizeHeight > 0) {
        cv::resize(rgbOrGray, resized, cv::Size(resizeWidth, resizeHeight), 0, 0, cv::INTER_AREA);
    } else if (resizeShorterSide > 0) {
        const double scale = double(resizeShorterSide) / std::min(rgbOrGray.rows, rgbOrGray.cols);
        const double height = std::max(1.0, std::round(rgbOrGray.rows * scale));
        const double width = std::max(1.0, std::round(rgbOrGray.cols * scale));
        if (height * width > kMaxResizedPixels)
            throw DataError("resizing the shorter side of a " + std::to_string(rgbOrGray.rows) + "x" +
                            std::to_string(rgbOrGray.cols) + " image to " + std::to_string(resizeShorterSide) +
                            " would make it " + std::to_string(std::llround(height)) + "x" +
                            std::to_string(std::llround(width)) + ", over the limit of 8192x8192 pixels");
        const int h = int(height);
        const int w = int(width);
        // Area averaging when shrinking avoids aliasing; bilinear when enlarging.
        cv::resize(rgbOrGray, resized, cv::Size(w, h), 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    }

    if (cropHeight > 0) {
        if (cropHeight > resized.rows || cropWidth > resized.cols)
            throw InvalidArgument("transform: centre crop " + std::to_string(cropHeight) + "x" +
                                  std::to_string(cropWidth) + " is larger than the image (" +
                                  std::to_string(resized.rows) + "x" + std::to_string(resized.cols) +
                                  " after resizing)");
        const int top = (resized.rows - cropHeight) / 2;
        const int left = (resized.cols - cropWidth) / 2;
        resized = resized(cv::Rect(left, top, cropWidth, cropHeight));
    }
    return resized.isContinuous() ? resized : resized.clone();
}

std::string ImageTransform::describe() const
{
    std::string text;
    auto add = [&text](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
    if (resizeHeight > 0)
        add("resize " + std::to_string(resizeHeight) + "x" + std::to_string(resizeWidth));
    else if (resizeShorterSide > 0)
        add("resize shorter side " + std::to_string(resizeShorterSide));
    if (cropHeight > 0)
        add("centre crop " + std::to_string(cropHeight) + "x" + std::to_string(cropWidth));
    if (channels == 1)
        add("grayscale");
    else if (channels == 3)
        add("RGB");
    return text.empty() ? "none" : text;
}

}  // namespace nad
