#include "Errors.h"
#include "data/ImageTransform.h"
#include "data/Normalization.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

using namespace nad;

TEST(ImageTransform, ResizeShorterSideKeepsAspectThenCentreCrops)
{
    ImageTransform t;
    t.resizeShorterSide = 32;
    const cv::Mat wide(60, 120, CV_8UC3, cv::Scalar(1, 2, 3));
    const cv::Mat resized = t.apply(wide);
    EXPECT_EQ(resized.rows, 32);
    EXPECT_EQ(resized.cols, 64);
    t.cropHeight = t.cropWidth = 24;
    const cv::Mat cropped = t.apply(wide);
    EXPECT_EQ(cropped.rows, 24);
    EXPECT_EQ(cropped.cols, 24);
    EXPECT_EQ(cropped.at<cv::Vec3b>(0, 0)[0], 3);  // BGR (1,2,3) became RGB (3,2,1)
}

TEST(ImageTransform, CentreCropTakesTheMiddle)
{
    cv::Mat image(10, 10, CV_8UC1, cv::Scalar(0));
    image.at<std::uint8_t>(4, 4) = 200;  // top-left pixel of a centred 2x2 crop
    ImageTransform t;
    t.cropHeight = t.cropWidth = 2;
    const cv::Mat crop = t.apply(image);
    EXPECT_EQ(crop.at<std::uint8_t>(0, 0), 200);
    EXPECT_EQ(crop.at<std::uint8_t>(1, 1), 0);
}

TEST(ImageTransform, AdaptsChannelsAndDepth)
{
    ImageTransform toGray;
    toGray.channels = 1;
    EXPECT_EQ(toGray.apply(cv::Mat(4, 4, CV_8UC4, cv::Scalar(0, 0, 255, 255))).channels(), 1);
    ImageTransform toRgb;
    toRgb.channels = 3;
    EXPECT_EQ(toRgb.apply(cv::Mat(4, 4, CV_8UC1, cv::Scalar(9))).channels(), 3);
    const cv::Mat deep = toRgb.apply(cv::Mat(4, 4, CV_16UC1, cv::Scalar(65535)));
    EXPECT_EQ(deep.depth(), CV_8U);
    EXPECT_EQ(deep.at<cv::Vec3b>(0, 0)[1], 255);
}

TEST(ImageTransform, RejectsBadSettings)
{
    ImageTransform t;
    t.channels = 2;
    EXPECT_THROW(t.validate(), InvalidArgument);
    t = {};
    t.cropHeight = 5;
    EXPECT_THROW(t.validate(), InvalidArgument);
    t = {};
    t.cropHeight = t.cropWidth = 50;
    EXPECT_THROW(t.apply(cv::Mat(10, 10, CV_8UC1)), InvalidArgument);
    t = {};
    t.resizeHeight = 10000;
    t.resizeWidth = 8000;
    EXPECT_THROW(t.validate(), InvalidArgument);
}

// Found by fuzz_imageloader: a 1 x 900,000 PNG is 2 KB, and resizing its shorter side to 37
// asked for 33 million rows (3.7 GB as RGB). It is refused with the sizes named; one pixel
// less elongated than the limit still resizes.
TEST(ImageTransform, RefusesAResizeOverTheLimitAndNamesTheSizes)
{
    ImageTransform t = ImageTransform::forModelInput(3, 32, true);
    try {
        t.apply(cv::Mat(900000, 1, CV_8UC1));
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("900000x1 image to 37 would make it 33300000x37"), std::string::npos)
            << e.what();
    }
    ImageTransform narrow;
    narrow.resizeShorterSide = 64;  // 16,384 rows become 64 x 16,384 = 8192^2 pixels exactly
    EXPECT_EQ(narrow.apply(cv::Mat(16384, 1, CV_8UC1, cv::Scalar(7))).size(), cv::Size(64, 16384 * 64));
    EXPECT_THROW(narrow.apply(cv::Mat(16385, 1, CV_8UC1)), DataError);
}

TEST(Normalization, MatchesToTensorThenNormalize)
{
    ImageSet set;
    set.channels = 3;
    set.height = 1;
    set.width = 2;
    set.classNames = {"x"};
    set.labels = {0};
    set.pixels = {0, 255, 51, 102, 128, 64};  // R plane, G plane, B plane
    const Normalization n = Normalization::imageNet();
    std::vector<float> out(6);
    n.toFloats(set, 0, 1, out.data());
    EXPECT_NEAR(out[0], (0.0f - 0.485f) / 0.229f, 1e-5);
    EXPECT_NEAR(out[1], (1.0f - 0.485f) / 0.229f, 1e-5);
    EXPECT_NEAR(out[2], (0.2f - 0.456f) / 0.224f, 1e-5);
    EXPECT_NEAR(out[5], (64.0f / 255.0f - 0.406f) / 0.225f, 1e-5);
}

TEST(Normalization, RejectsMismatchedChannelsAndZeroStd)
{
    Normalization n{{0.5f, 0.5f}, {0.5f, 0.5f}};
    EXPECT_THROW(n.validate(3), InvalidArgument);
    EXPECT_NO_THROW(n.validate(2));
    Normalization zero{{0.5f}, {0.0f}};
    EXPECT_THROW(zero.validate(1), InvalidArgument);
}
