#include "data/ImageSource.h"

#include "Errors.h"

#include <algorithm>

namespace nad {

std::size_t ImageSource::imagesWithin(std::size_t bytes, std::size_t minimum) const
{
    return std::max(minimum, bytes / std::max<std::size_t>(imageBytes(), 1));
}

ImageSet ImageSource::readAll(const std::vector<std::size_t>& indices, const std::string& what) const
{
    std::vector<std::size_t> got;
    ImageSet images = read(indices, &got);
    if (got.size() != indices.size()) {
        std::size_t missing = 0;
        while (missing < got.size() && got[missing] == indices[missing])
            ++missing;
        throw DataError("held-out image " + std::to_string(indices[missing]) + " (" + what + ") could not be read");
    }
    return images;
}

ImageSet ImageSetSource::read(const std::vector<std::size_t>& indices, std::vector<std::size_t>* read) const
{
    for (std::size_t i : indices)
        if (i >= m_images.count())
            throw InvalidArgument("image " + std::to_string(i) + " asked of a set of " +
                                  std::to_string(m_images.count()));
    if (read)
        *read = indices;
    return m_images.subset(indices);
}

}  // namespace nad
