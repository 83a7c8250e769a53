#pragma once

#include "data/ImageFolderReader.h"
#include "data/ImageSource.h"
#include "data/ImageTransform.h"

#include <mutex>
#include <string>
#include <vector>

namespace nad {

// The files of an ImageFolder scan (a held-out split), decoded only when read: an evaluation
// holds the images it is working on, never the whole split. Indices run class by class, in
// each class's file order, as ImageFolderReader::load would store them.
class ImageFolderSource : public ImageSource
{
public:
    ImageFolderSource(const ImageFolderScan& scan, const ImageTransform& transform, int threads = 0);
    const std::vector<std::int64_t>& labels() const override { return m_labels; }
    ImageSet read(const std::vector<std::size_t>& indices, std::vector<std::size_t>* read = nullptr) const override;
    // From the transform's crop, or by decoding one image when the transform leaves the size open.
    std::size_t imageBytes() const override;

private:
    std::vector<std::string> m_files;
    std::vector<std::int64_t> m_labels;
    ImageTransform m_transform;
    int m_threads;
    mutable std::mutex m_mutex;
    mutable std::size_t m_imageBytes = 0;
};

}  // namespace nad
