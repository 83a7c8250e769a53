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

}  // namespace nad
