#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nad {

// What the units of one block respond to, measured once over the held-out split with the
// original network (no path applied: the question is what a unit *is*, before any path keeps or
// drops it). A unit's response to an image is its output channel averaged over positions (after
// the block's ReLU); it ranks the images and, averaged per class, gives the unit's mean
// activation per concept. A plain value type, so the store caches it and the views draw it.
struct BlockUnitStatistics
{
    std::size_t block = 0;
    std::string blockName;
    std::size_t units = 0;
    std::size_t images = 0;               // held-out images measured
    std::vector<std::int64_t> classes;    // class index of each column of classMeans
    std::vector<float> classMeans;        // units × classes.size(), row-major
    std::size_t topCount = 0;             // images kept per unit, by falling response
    std::vector<std::int64_t> topImages;  // units × topCount: held-out indices (-1 pads a short set)
    std::vector<float> topResponses;      // units × topCount

    float classMean(std::size_t unit, std::size_t column) const { return classMeans[unit * classes.size() + column]; }
    // The unit's `count` most responsive images (at most topCount), strongest first.
    std::vector<std::int64_t> topImagesOf(std::size_t unit, std::size_t count) const;
    std::vector<float> topResponsesOf(std::size_t unit, std::size_t count) const;
    // Throws InvalidArgument when the sizes disagree (a corrupt cache, a wrong unit).
    void check() const;
};

// Accumulates BlockUnitStatistics chunk by chunk, so the held-out split streams through the
// network: per unit a running sum per class and a bounded min-heap of its best images.
class UnitStatisticsBuilder
{
public:
    UnitStatisticsBuilder(std::size_t block, std::string blockName, std::size_t units,
                          std::vector<std::int64_t> classes, std::size_t topCount);
    // `responses` is images × units row-major (each unit's mean over positions), for the held-out
    // images `first`, `first + 1`, … with the given labels.
    void add(const float* responses, const std::int64_t* labels, std::size_t images, std::size_t first);
    BlockUnitStatistics finish() const;

private:
    struct Entry
    {
        float response;
        std::int64_t image;
    };
    BlockUnitStatistics m_result;
    std::vector<double> m_sums;               // units × classes
    std::vector<std::size_t> m_classCounts;   // per class column
    std::vector<std::vector<Entry>> m_heaps;  // per unit, a min-heap of at most topCount entries
};

// How the concepts' paths use each unit of a block: keptShare[unit][concept] is the share of
// that concept's initializations whose binary path keeps the unit (paths[concept][init][unit]).
struct UnitKeeping
{
    std::vector<std::vector<double>> keptShare;
    // Concepts whose paths keep the unit in at least half of their initializations.
    int conceptsKeeping(std::size_t unit) const;
    // The block's units ordered by conceptsKeeping, most shared first, ties by unit index.
    std::vector<std::size_t> unitsByConceptsKeeping() const;

    static UnitKeeping fromPaths(const std::vector<std::vector<std::vector<std::uint8_t>>>& paths, std::size_t units);
};

}  // namespace nad
