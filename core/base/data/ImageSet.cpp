#include "data/ImageSet.h"

#include <algorithm>
#include <cstring>

namespace nad {

std::vector<std::size_t> ImageSet::countsPerClass() const
{
    std::vector<std::size_t> counts(classNames.size(), 0);
    for (std::int64_t label : labels) {
        if (label >= 0 && std::size_t(label) < counts.size())
            ++counts[std::size_t(label)];
    }
    return counts;
}

std::vector<std::size_t> ImageSet::indicesOfClass(std::int64_t classIndex) const
{
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] == classIndex)
            indices.push_back(i);
    }
    return indices;
}

ImageSet ImageSet::subset(const std::vector<std::size_t>& indices) const
{
    ImageSet out;
    out.channels = channels;
    out.height = height;
    out.width = width;
    out.classNames = classNames;
    out.labels.reserve(indices.size());
    out.pixels.resize(indices.size() * imageBytes());
    for (std::size_t k = 0; k < indices.size(); ++k) {
        std::memcpy(out.pixels.data() + k * imageBytes(), image(indices[k]), imageBytes());
        out.labels.push_back(labels[indices[k]]);
    }
    return out;
}

}  // namespace nad
