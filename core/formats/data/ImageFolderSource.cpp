#include "data/ImageFolderSource.h"

#include "Errors.h"

namespace nad {

ImageFolderSource::ImageFolderSource(const ImageFolderScan& scan, const ImageTransform& transform, int threads)
    : m_transform(transform), m_threads(threads)
{
    transform.validate();
    for (std::size_t c = 0; c < scan.files.size(); ++c)
        for (const auto& file : scan.files[c]) {
            m_files.push_back(file);
            m_labels.push_back(std::int64_t(c));
        }
}

ImageSet ImageFolderSource::read(const std::vector<std::size_t>& indices, std::vector<std::size_t>* read) const
{
    std::vector<std::string> paths;
    std::vector<std::int64_t> labels;
    for (std::size_t i : indices) {
        if (i >= m_files.size())
            throw InvalidArgument("image " + std::to_string(i) + " asked of a folder of " +
                                  std::to_string(m_files.size()));
        paths.push_back(m_files[i]);
        labels.push_back(m_labels[i]);
    }
    std::vector<std::size_t> kept;
    ImageSet set = ImageFolderReader::loadFiles(paths, labels, m_transform, m_threads, &kept);
    if (read) {
        read->clear();
        for (std::size_t k : kept)
            read->push_back(indices[k]);
    }
    return set;
}

std::size_t ImageFolderSource::imageBytes() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_imageBytes == 0 && m_transform.cropHeight > 0 && m_transform.channels > 0)
        m_imageBytes = std::size_t(m_transform.channels) * m_transform.cropHeight * m_transform.cropWidth;
    for (std::size_t i = 0; m_imageBytes == 0 && i < m_files.size(); ++i) {
        const ImageSet one = ImageFolderReader::loadFiles({m_files[i]}, {m_labels[i]}, m_transform, 1);
        m_imageBytes = one.imageBytes();
    }
    return m_imageBytes;
}

}  // namespace nad
