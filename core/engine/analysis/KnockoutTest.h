#pragma once

#include "data/ImageSet.h"
#include "data/ImageSource.h"
#include "data/Normalization.h"
#include "nad/PathLearner.h"

#include <vector>

namespace nad {

// A causal test of a concept's path (issue 14): switch off, in every block, the concept's own
// units — those on in P^c that most other concepts' paths leave off — and measure the top-1
// accuracy on c and on the other concepts. A real path loses c and keeps the others; the
// control switches off as many randomly chosen units per block, `draws` times.
struct KnockoutResult
{
    std::int64_t classIndex = 0;
    std::vector<int> unitsPerBlock;  // own units switched off, per block
    int units = 0;
    double ownDrop = 0;        // accuracy on c: original − with its own units off
    double othersDrop = 0;     // the same, mean over the other concepts
    double randomOwnDrop = 0;  // the control: mean and std over the draws
    double randomOwnDropStd = 0;
    double randomOthersDrop = 0;
    double randomOthersDropStd = 0;
    // How many initializations' paths the fields above average (KnockoutTest::meanOverInitializations),
    // and in how many of them, taken alone, the concept passed the causal rule.
    int initializations = 1;
    int causalInitializations = 0;

    // The causal rule (SweepPoint::causalKnockout) on these drops.
    bool causal() const;
};

class KnockoutTest
{
public:
    // Concept `concept`'s own units: on in its path and on in fewer than half of the others'.
    static std::vector<std::vector<std::uint8_t>> ownUnits(const std::vector<LearnedPath>& paths, std::size_t concept);
    // The same number of units per block as `units`, drawn uniformly without replacement.
    static std::vector<std::vector<std::uint8_t>> randomUnitsLike(const std::vector<std::vector<std::uint8_t>>& units,
                                                                  std::uint64_t seed);
    // Per-class top-1 accuracy on `images` with `off` units switched off (empty: none).
    static std::vector<double> accuracyPerClass(BlockNetwork& network, const ImageSet& images,
                                                const Normalization& normalization,
                                                const std::vector<std::vector<std::uint8_t>>& off, int batchSize = 500);
    // The same for several sets of units switched off (one accuracy vector each). The blocks
    // before the first one any set touches run once per batch for all of them: the test's own and
    // control sets all start in the same block, so on paths that keep every unit of the early
    // blocks only the last blocks run 1 + draws times.
    static std::vector<std::vector<double>>
    accuraciesPerClass(BlockNetwork& network, const ImageSet& images, const Normalization& normalization,
                       const std::vector<std::vector<std::vector<std::uint8_t>>>& offSets, int batchSize = 500);

    // The images the test runs on: the first `perClass` images of every class of `images` (it
    // costs 1 + draws forward passes per concept, so it takes a bounded sample).
    static ImageSet sample(const ImageSet& images, std::size_t perClass = kImagesPerClass);
    static constexpr std::size_t kImagesPerClass = 100;
    static constexpr int kDraws = 10;
    // With more concepts than this + 1, each concept's "others" are a seeded sample of this many
    // of them (the test runs 1 + draws forward passes per concept over its images and theirs:
    // with 1,000 concepts, all of them would be 11,000 passes over the sample). The demo's 10
    // concepts compare with all.
    static constexpr std::size_t kOtherConcepts = 20;

    // One result per path (the concepts being `paths`, one initialization); `seed` fixes the draws.
    static std::vector<KnockoutResult> run(BlockNetwork& network, const ImageSet& images,
                                           const Normalization& normalization, const std::vector<LearnedPath>& paths,
                                           int draws = 10, std::uint64_t seed = 1,
                                           std::size_t otherConcepts = kOtherConcepts);
    // The same on images read from `images` as each concept needs them: the first `perClass`
    // (0: all) of its class and of the classes it is compared with, so a held-out split of 1,000
    // classes is never held at once (about 21 × perClass images are).
    static std::vector<KnockoutResult> run(BlockNetwork& network, const ImageSource& images,
                                           const Normalization& normalization, const std::vector<LearnedPath>& paths,
                                           std::size_t perClass, int draws = 10, std::uint64_t seed = 1,
                                           std::size_t otherConcepts = kOtherConcepts);
    // The test on the paths of each of the first kInitializations initializations (the control's
    // draws seeded 1, 2, ...), averaged by meanOverInitializations. One initialization's own units
    // are a noisy sample: on the demo's DARTS the same run found 1, 7 and 5 of 10 concepts causal
    // in its three initializations.
    static std::vector<KnockoutResult>
    runOverInitializations(BlockNetwork& network, const ImageSource& images, const Normalization& normalization,
                           const std::vector<std::vector<LearnedPath>>& initializations, std::size_t perClass,
                           int draws = kDraws);
    static constexpr std::size_t kInitializations = 3;
    // Per concept, the mean over initializations of the units and drops (the controls' stds
    // pooled: the root mean square of each initialization's), their initializations summed. Every
    // element of `perInitialization` holds the same concepts in the same order.
    static std::vector<KnockoutResult>
    meanOverInitializations(const std::vector<std::vector<KnockoutResult>>& perInitialization);

    // The concepts (indices into `concepts`) concept `self` is compared with: all the others, or
    // a seeded sample of `otherConcepts` of them.
    static std::vector<std::size_t> comparedWith(std::size_t conceptCount, std::size_t self, std::size_t otherConcepts);
};

}  // namespace nad
