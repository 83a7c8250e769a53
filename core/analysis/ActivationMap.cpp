#include "analysis/ActivationMap.h"

#include "Errors.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace nad {

std::vector<std::uint8_t> ActivationMap::topPercentMask(double percent) const
{
    if (!(percent > 0) || percent > 100)
        throw InvalidArgument("the top-k share must be in (0, 100] %, got " + std::to_string(percent));
    const std::size_t n = values.size();
    std::vector<std::uint8_t> mask(n, 0);
    if (n == 0)
        return mask;
    const std::size_t keep =
        std::max<std::size_t>(1, std::min(n, std::size_t(std::llround(double(n) * percent / 100.0))));
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    const auto higher = [this](std::uint32_t a, std::uint32_t b) {
        return values[a] != values[b] ? values[a] > values[b] : a < b;
    };
    std::nth_element(order.begin(), order.begin() + std::ptrdiff_t(keep - 1), order.end(), higher);
    for (std::size_t k = 0; k < keep; ++k)
        mask[order[k]] = 1;
    return mask;
}

double ActivationMap::hitRate(const std::vector<std::uint8_t>& mask, const CompositeImage& composite, int tile) const
{
    if (height != composite.image.height || width != composite.image.width)
        throw InvalidArgument("the activation map and the composite differ in size");
    if (tile < 0 || tile >= composite.tileCount())
        throw InvalidArgument("tile " + std::to_string(tile) + " is not in the composite");
    std::size_t kept = 0, inside = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (mask[std::size_t(y) * std::size_t(width) + std::size_t(x)]) {
                ++kept;
                inside += composite.insideTile(tile, y, x) ? 1 : 0;
            }
    return kept ? double(inside) / double(kept) : 0.0;
}

}  // namespace nad
