#pragma once

#include "data/ImageSet.h"
#include "data/ImageSource.h"
#include "data/Normalization.h"
#include "nad/PathLearner.h"

#include <vector>

namespace nad {

// How one concept's binary path behaves on held-out images (Fig. 3 and DESIGN.md §5).
struct ConceptEvaluation
{
    std::int64_t classIndex = 0;
    double originalPrecision = 0;    // top-1 accuracy of the unmasked network on concept c
    double pathPrecision = 0;        // the same with P^c applied at every block (the paper's a_c)
    double originalSpecificity = 0;  // share of other concepts' images the network does not call c
    double pathSpecificity = 0;      // the same under P^c
    double originalAuroc = 0;        // one-vs-rest AUROC of the unmasked logit z_c (c's images vs the rest)
    double pathAuroc = 0;            // the same under P^c
    double usage = 0;                // mean over blocks of the share of units P^c keeps (as Fig. 4)
    bool degenerate = false;         // see PathEvaluator::isDegenerate
};

// Evaluates binary paths on a held-out image set. The paper's precision only looks at images
// of concept c, so a path that makes the network answer c for everything scores 100 %;
// specificity beside it exposes such paths.
class PathEvaluator
{
public:
    // With `negativesPerConcept` > 0, each path's specificity and AUROC (and the original
    // network's beside them) are measured on that many other concepts' images, a seeded sample
    // drawn per concept (NegativeSample), instead of all of them: with 1,000 concepts, running
    // every path on every held-out image is 1,000 times the held-out split.
    // The images are read from `heldOut` path by path, a chunk of kChunkBytes (at least a batch) at a time,
    // so an evaluation holds one chunk of pixels, not the split; the original network runs once
    // per image any path needs, and its logits for those images are kept (4 bytes per image and
    // class: 200 MB for all 50,000 ImageNet validation images). An image that cannot be read is
    // left out of every measure.
    static std::vector<ConceptEvaluation> evaluate(BlockNetwork& network, const ImageSource& heldOut,
                                                   const Normalization& normalization,
                                                   const std::vector<LearnedPath>& paths, int batchSize = 500,
                                                   std::size_t negativesPerConcept = 0);
    static std::vector<ConceptEvaluation> evaluate(BlockNetwork& network, const ImageSet& heldOut,
                                                   const Normalization& normalization,
                                                   const std::vector<LearnedPath>& paths, int batchSize = 500,
                                                   std::size_t negativesPerConcept = 0);
    // Blocks where every path keeps every unit run as in the original network, so the original's
    // forward keeps its outputs at the first block some path masks (when they fit in
    // kSharedBytes) and every path runs from there, without reading its images again; a path that
    // keeps every unit of every block has the original's logits. On the demo's paths that is all
    // but the last one to three blocks (DARTS: all of them).
    static constexpr std::size_t kChunkBytes = std::size_t(64) << 20;
    static constexpr std::size_t kSharedBytes = std::size_t(256) << 20;
    // The images concept `c` is evaluated on (indices into `labels`): all of its own and, of the
    // others, all (count 0 or more than there are) or a seeded sample of `negatives`, in order.
    static std::vector<std::size_t> evaluationImages(const std::vector<std::int64_t>& labels, std::int64_t c,
                                                     std::size_t negatives);

    // A path is degenerate when it keeps almost nothing (usage < 2 %) or when its specificity
    // falls more than 20 points below the original network's: it has become an
    // "answer c for everything" detector rather than the concept's path.
    static bool isDegenerate(const ConceptEvaluation& e);

    // The first block holding a unit whose bit is `value` (the block count when none does): with
    // 0, where a path starts to differ from the original network.
    static std::size_t firstBlockWith(const std::vector<std::vector<std::uint8_t>>& bits, std::uint8_t value);

    // The path's binary masks as float tensors on `device`, one per block.
    static BlockMasks masksOf(const LearnedPath& path, const torch::Device& device);
};

}  // namespace nad
