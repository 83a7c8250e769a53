#include "data/Normalization.h"

#include "Errors.h"

namespace nad {

void Normalization::validate(int channels) const
{
    auto fits = [channels](std::size_t n) { return n == 1 || n == std::size_t(channels); };
    if (!fits(mean.size()) || !fits(std.size()))
        throw InvalidArgument("normalization: mean and std need 1 or " + std::to_string(channels) + " values, got " +
                              std::to_string(mean.size()) + " and " + std::to_string(std.size()));
    for (float s : std) {
        if (!(s > 0.0f))
            throw InvalidArgument("normalization: std values must be positive");
    }
}

void Normalization::toFloats(const ImageSet& set, std::size_t first, std::size_t count, float* out) const
{
    validate(set.channels);
    if (first + count > set.count())
        throw InvalidArgument("normalization: images " + std::to_string(first) + " to " +
                              std::to_string(first + count) + " requested from a set of " +
                              std::to_string(set.count()));
    const std::size_t plane = std::size_t(set.height) * set.width;
    const std::uint8_t* in = set.image(first);
    for (std::size_t i = 0; i < count; ++i) {
        for (int c = 0; c < set.channels; ++c) {
            // Fold /255, -mean and /std into one multiply-add per pixel.
            const float scale = 1.0f / (255.0f * stdOf(c));
            const float shift = -meanOf(c) / stdOf(c);
            for (std::size_t p = 0; p < plane; ++p)
                *out++ = float(*in++) * scale + shift;
        }
    }
}

}  // namespace nad
