#include "data/ImageSource.h"

#include "Errors.h"

#include <algorithm>

namespace nad {

std::size_t ImageSource::imagesWithin(std::size_t bytes, std::size_t minimum) const
{
    return std::max(minimum, bytes / std::max<std::size_t>(imageBytes(), 1));
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
