#pragma once

#include "data/ImageSet.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nad {

// Images read on demand, by index: a held-out split too large to hold at once (ImageNet's
// 50,000 validation images are 7.5 GB of pixels at 224 px). The labels are known without
// reading any image, so an evaluation can choose what it needs first and read only that.
class ImageSource
{
public:
    virtual ~ImageSource() = default;
    // Every image's class, in index order.
    virtual const std::vector<std::int64_t>& labels() const = 0;
    std::size_t count() const { return labels().size(); }
    // The images at `indices`, in that order. An image that cannot be read is left out; `read`
    // (when given) receives the indices of those that were, in the order of the set.
    virtual ImageSet read(const std::vector<std::size_t>& indices, std::vector<std::size_t>* read = nullptr) const = 0;
    // Bytes of one image as read (8-bit pixels), to size the chunks an evaluation reads at once.
    virtual std::size_t imageBytes() const = 0;
    // The images an evaluation may read at once within `bytes`, at least `minimum`.
    std::size_t imagesWithin(std::size_t bytes, std::size_t minimum) const;
    // The images at `indices`, every one of them: a DataError naming the first that cannot be
    // read and `what` it was for (a composite's tile, a unit's strongest image).
    ImageSet readAll(const std::vector<std::size_t>& indices, const std::string& what) const;
};

// A set already in memory (Fashion-MNIST's IDX files, a validation split): reading copies.
class ImageSetSource : public ImageSource
{
public:
    // Keeps a reference: `images` must outlive the source.
    explicit ImageSetSource(const ImageSet& images) : m_images(images) {}
    // Owns the set.
    explicit ImageSetSource(ImageSet&& images)
        : m_owned(std::make_shared<ImageSet>(std::move(images))), m_images(*m_owned)
    {}
    const std::vector<std::int64_t>& labels() const override { return m_images.labels; }
    ImageSet read(const std::vector<std::size_t>& indices, std::vector<std::size_t>* read = nullptr) const override;
    std::size_t imageBytes() const override { return m_images.imageBytes(); }

private:
    std::shared_ptr<ImageSet> m_owned;
    const ImageSet& m_images;
};

}  // namespace nad
