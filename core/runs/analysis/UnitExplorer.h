#pragma once

#include "analysis/ActivationMap.h"
#include "analysis/UnitProfile.h"
#include "analysis/UnitStatistics.h"
#include "data/ImageSet.h"
#include "data/ImageSource.h"
#include "data/Normalization.h"
#include "nad/PathLearner.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>

namespace nad {

class BlockNetwork;
class ProjectStore;
struct RunContext;

// The engine behind the studio's unit explorer and `nad units`: what a unit of a block responds
// to over the held-out split (original network), where it fires, and which paths keep it.
class UnitExplorer
{
public:
    using Progress = std::function<void(std::size_t done, std::size_t total)>;
    // Images per unit the cache keeps; the explorer shows at most this many.
    static constexpr std::size_t kCachedTopCount = 32;

    // One pass of `heldOut` through the network up to block `block`, read and run in chunks
    // (a split of any size: only a chunk of images is held): every unit's per-class mean
    // response and its `topCount` strongest images. An image that cannot be read is left out.
    // `cancel` is checked per chunk (throws Error("cancelled")).
    static BlockUnitStatistics measureBlock(BlockNetwork& network, const ImageSource& heldOut,
                                            const Normalization& normalization, std::size_t block, std::size_t topCount,
                                            const Progress& progress = {}, const std::atomic<bool>* cancel = nullptr);
    // The unit's channel on each image of `images`, resized to the input, all divided by the
    // largest value among them (one shared scale; an all-zero unit gives zero maps).
    static std::vector<ActivationMap> unitMaps(BlockNetwork& network, const ImageSet& images,
                                               const Normalization& normalization, std::size_t block, std::size_t unit);

    // The whole profile of one unit of a stored run: the block's statistics from the project's
    // cache when present (else measured, and cached when `project` is writable), the top `top`
    // images with their maps, and the share of each concept's initializations keeping the unit.
    static UnitProfile profile(ProjectStore& project, const RunContext& context, BlockNetwork& network,
                               const ImageSource& heldOut, const std::map<int, std::vector<LearnedPath>>& paths,
                               std::size_t block, std::size_t unit, std::size_t top, const Progress& progress = {},
                               const std::atomic<bool>* cancel = nullptr);
    // How the run's concepts keep the units of `block` (no network needed).
    static UnitKeeping keeping(const std::map<int, std::vector<LearnedPath>>& paths, std::size_t block,
                               std::size_t units, std::vector<std::int64_t>* classes = nullptr);
};

}  // namespace nad
