#include "analysis/UnitStatistics.h"

#include "Errors.h"

#include <algorithm>
#include <numeric>

namespace nad {

std::vector<std::int64_t> BlockUnitStatistics::topImagesOf(std::size_t unit, std::size_t count) const
{
    std::vector<std::int64_t> result;
    for (std::size_t k = 0; k < std::min(count, topCount); ++k)
        if (topImages[unit * topCount + k] >= 0)
            result.push_back(topImages[unit * topCount + k]);
    return result;
}

std::vector<float> BlockUnitStatistics::topResponsesOf(std::size_t unit, std::size_t count) const
{
    std::vector<float> result;
    for (std::size_t k = 0; k < std::min(count, topCount); ++k)
        if (topImages[unit * topCount + k] >= 0)
            result.push_back(topResponses[unit * topCount + k]);
    return result;
}

void BlockUnitStatistics::check() const
{
    if (classMeans.size() != units * classes.size() || topImages.size() != units * topCount ||
        topResponses.size() != units * topCount)
        throw InvalidArgument("the unit statistics of block '" + blockName + "' are inconsistent (" +
                              std::to_string(units) + " units, " + std::to_string(classes.size()) + " classes, " +
                              std::to_string(topCount) + " top images)");
}

UnitStatisticsBuilder::UnitStatisticsBuilder(std::size_t block, std::string blockName, std::size_t units,
                                             std::vector<std::int64_t> classes, std::size_t topCount)
{
    if (units == 0 || classes.empty() || topCount == 0)
        throw InvalidArgument("unit statistics need units, classes and at least one top image");
    m_result.block = block;
    m_result.blockName = std::move(blockName);
    m_result.units = units;
    m_result.classes = std::move(classes);
    m_result.topCount = topCount;
    m_sums.assign(units * m_result.classes.size(), 0.0);
    m_classCounts.assign(m_result.classes.size(), 0);
    m_heaps.resize(units);
}

void UnitStatisticsBuilder::add(const float* responses, const std::int64_t* labels, std::size_t images,
                                std::size_t first)
{
    const std::size_t units = m_result.units;
    // With this order the heap's front is the unit's weakest kept image. Among equal responses
    // the earlier image is stronger, so the list does not depend on the chunk size.
    const auto stronger = [](const Entry& a, const Entry& b) {
        return a.response > b.response || (a.response == b.response && a.image < b.image);
    };
    for (std::size_t i = 0; i < images; ++i) {
        const auto column = std::find(m_result.classes.begin(), m_result.classes.end(), labels[i]);
        const bool counted = column != m_result.classes.end();
        const std::size_t c = std::size_t(column - m_result.classes.begin());
        if (counted)
            ++m_classCounts[c];
        const float* row = responses + i * units;
        for (std::size_t u = 0; u < units; ++u) {
            if (counted)
                m_sums[u * m_result.classes.size() + c] += row[u];
            auto& heap = m_heaps[u];
            const Entry candidate{row[u], std::int64_t(first + i)};
            if (heap.size() < m_result.topCount) {
                heap.push_back(candidate);
                std::push_heap(heap.begin(), heap.end(), stronger);
            } else if (stronger(candidate, heap.front())) {
                std::pop_heap(heap.begin(), heap.end(), stronger);
                heap.back() = candidate;
                std::push_heap(heap.begin(), heap.end(), stronger);
            }
        }
        ++m_result.images;
    }
}

BlockUnitStatistics UnitStatisticsBuilder::finish() const
{
    BlockUnitStatistics result = m_result;
    const std::size_t classes = result.classes.size();
    result.classMeans.assign(result.units * classes, 0.0f);
    for (std::size_t u = 0; u < result.units; ++u)
        for (std::size_t c = 0; c < classes; ++c)
            if (m_classCounts[c] > 0)
                result.classMeans[u * classes + c] = float(m_sums[u * classes + c] / double(m_classCounts[c]));
    result.topImages.assign(result.units * result.topCount, -1);
    result.topResponses.assign(result.units * result.topCount, 0.0f);
    for (std::size_t u = 0; u < result.units; ++u) {
        std::vector<Entry> best = m_heaps[u];
        std::sort(best.begin(), best.end(), [](const Entry& a, const Entry& b) {
            return a.response > b.response || (a.response == b.response && a.image < b.image);
        });
        for (std::size_t k = 0; k < best.size(); ++k) {
            result.topImages[u * result.topCount + k] = best[k].image;
            result.topResponses[u * result.topCount + k] = best[k].response;
        }
    }
    return result;
}

int UnitKeeping::conceptsKeeping(std::size_t unit) const
{
    const auto& shares = keptShare.at(unit);
    return int(std::count_if(shares.begin(), shares.end(), [](double share) { return share >= 0.5; }));
}

std::vector<std::size_t> UnitKeeping::unitsByConceptsKeeping() const
{
    std::vector<std::size_t> order(keptShare.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [this](std::size_t a, std::size_t b) { return conceptsKeeping(a) > conceptsKeeping(b); });
    return order;
}

UnitKeeping UnitKeeping::fromPaths(const std::vector<std::vector<std::vector<std::uint8_t>>>& paths, std::size_t units)
{
    UnitKeeping sharing;
    sharing.keptShare.assign(units, std::vector<double>(paths.size(), 0.0));
    for (std::size_t c = 0; c < paths.size(); ++c) {
        const auto& inits = paths[c];
        for (const auto& mask : inits) {
            if (mask.size() != units)
                throw InvalidArgument("a path mask has " + std::to_string(mask.size()) + " units where the block has " +
                                      std::to_string(units));
            for (std::size_t u = 0; u < units; ++u)
                sharing.keptShare[u][c] += mask[u] ? 1.0 / double(inits.size()) : 0.0;
        }
    }
    return sharing;
}

}  // namespace nad
