#include "analysis/KnockoutTest.h"

#include "Errors.h"
#include "analysis/PathEvaluator.h"
#include "analysis/PathMetrics.h"
#include "analysis/SweepPoint.h"
#include "nad/ImageCycle.h"
#include "nn/ImageBatch.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace nad {
namespace {

// Drop on concept `c` and mean drop on the other evaluated concepts (a class with no image has
// accuracy 0 both ways, so no drop).
std::pair<double, double> drops(const std::vector<double>& original, const std::vector<double>& knocked,
                                const std::vector<std::int64_t>& concepts, std::int64_t c)
{
    auto drop = [&](std::int64_t k) {
        const auto i = std::size_t(k);
        return (i < original.size() ? original[i] : 0.0) - (i < knocked.size() ? knocked[i] : 0.0);
    };
    double others = 0;
    for (std::int64_t k : concepts)
        if (k != c)
            others += drop(k);
    const double otherCount = double(concepts.size()) - 1;
    return {drop(c), otherCount > 0 ? others / otherCount : 0.0};
}

}  // namespace

bool KnockoutResult::causal() const
{
    return SweepPoint::causalKnockout(units, ownDrop, othersDrop, randomOwnDrop);
}

std::vector<std::size_t> KnockoutTest::comparedWith(std::size_t conceptCount, std::size_t self,
                                                    std::size_t otherConcepts)
{
    std::vector<std::size_t> others;
    for (std::size_t k = 0; k < conceptCount; ++k)
        if (k != self)
            others.push_back(k);
    if (otherConcepts == 0 || others.size() <= otherConcepts)
        return others;
    ImageCycle order(std::int64_t(others.size()), mixSeed(std::uint64_t(self)) ^ 6);
    std::vector<std::size_t> sample;
    for (std::int64_t k : order.next(int(otherConcepts)))
        sample.push_back(others[std::size_t(k)]);
    std::sort(sample.begin(), sample.end());
    return sample;
}

ImageSet KnockoutTest::sample(const ImageSet& images, std::size_t perClass)
{
    std::vector<std::size_t> chosen;
    for (std::int64_t c = 0; c < std::int64_t(images.countsPerClass().size()); ++c) {
        const auto indices = images.indicesOfClass(c);
        chosen.insert(chosen.end(), indices.begin(),
                      indices.begin() + std::ptrdiff_t(std::min(indices.size(), perClass)));
    }
    return images.subset(chosen);
}

std::vector<std::vector<std::uint8_t>> KnockoutTest::ownUnits(const std::vector<LearnedPath>& paths,
                                                              std::size_t concept)
{
    const auto& mine = paths.at(concept).binary;
    const double others = double(paths.size()) - 1;
    std::vector<std::vector<std::uint8_t>> own;
    for (std::size_t b = 0; b < mine.size(); ++b) {
        std::vector<std::uint8_t> block(mine[b].size(), 0);
        for (std::size_t u = 0; u < block.size(); ++u) {
            if (!mine[b][u])
                continue;
            double using_ = 0;
            for (std::size_t k = 0; k < paths.size(); ++k)
                if (k != concept)
                    using_ += paths[k].binary[b][u];
            block[u] = using_ < others / 2.0 ? 1 : 0;  // most of the others leave it off
        }
        own.push_back(std::move(block));
    }
    return own;
}

std::vector<std::vector<std::uint8_t>>
KnockoutTest::randomUnitsLike(const std::vector<std::vector<std::uint8_t>>& units, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::vector<std::vector<std::uint8_t>> drawn;
    for (const auto& block : units) {
        const auto count = std::size_t(std::accumulate(block.begin(), block.end(), 0));
        std::vector<std::size_t> order(block.size());
        std::iota(order.begin(), order.end(), 0);
        // Partial Fisher–Yates of our own: std::shuffle's sequence differs between libraries.
        for (std::size_t i = 0; i < count; ++i)
            std::swap(order[i], order[i + std::size_t(random() % (order.size() - i))]);
        std::vector<std::uint8_t> chosen(block.size(), 0);
        for (std::size_t i = 0; i < count; ++i)
            chosen[order[i]] = 1;
        drawn.push_back(std::move(chosen));
    }
    return drawn;
}

std::vector<double> KnockoutTest::accuracyPerClass(BlockNetwork& network, const ImageSet& images,
                                                   const Normalization& normalization,
                                                   const std::vector<std::vector<std::uint8_t>>& off, int batchSize)
{
    return accuraciesPerClass(network, images, normalization, {off}, batchSize).front();
}

namespace {

// The masks that switch `off`'s units off (none when `off` is empty).
BlockMasks masksSwitchingOff(const std::vector<std::vector<std::uint8_t>>& off, const torch::Device& device)
{
    BlockMasks masks;
    for (const auto& block : off) {
        std::vector<float> keep(block.size());
        for (std::size_t u = 0; u < block.size(); ++u)
            keep[u] = block[u] ? 0.0f : 1.0f;
        masks.push_back(torch::tensor(keep).to(device));
    }
    return masks;
}

// Hits and image counts per class, to turn into accuracies.
struct ClassTally
{
    std::vector<double> hits, counts;
    explicit ClassTally(std::size_t classes) : hits(classes, 0.0), counts(classes, 0.0) {}
    void add(const torch::Tensor& logits, const std::vector<std::int64_t>& labels, std::size_t first)
    {
        const torch::Tensor predicted = logits.argmax(1).cpu();
        const auto* p = predicted.data_ptr<std::int64_t>();
        for (std::int64_t k = 0; k < predicted.numel(); ++k) {
            const auto label = std::size_t(labels[first + std::size_t(k)]);
            counts[label] += 1;
            hits[label] += p[k] == std::int64_t(label) ? 1 : 0;
        }
    }
    std::vector<double> accuracies() const
    {
        std::vector<double> accuracy(hits.size(), 0.0);
        for (std::size_t c = 0; c < hits.size(); ++c)
            accuracy[c] = counts[c] > 0 ? hits[c] / counts[c] : 0.0;
        return accuracy;
    }
};

}  // namespace

std::vector<std::vector<double>>
KnockoutTest::accuraciesPerClass(BlockNetwork& network, const ImageSet& images, const Normalization& normalization,
                                 const std::vector<std::vector<std::vector<std::uint8_t>>>& offSets, int batchSize)
{
    torch::NoGradGuard noGrad;
    std::size_t shared = network.blockCount();  // blocks before this one run unmasked for every set
    std::vector<BlockMasks> masks;
    for (const auto& off : offSets) {
        masks.push_back(masksSwitchingOff(off, network.device()));
        shared = std::min(shared, off.empty() ? std::size_t(0) : PathEvaluator::firstBlockWith(off, 1));
    }
    std::int64_t classes = 0;
    for (std::int64_t label : images.labels)
        classes = std::max(classes, label + 1);
    std::vector<ClassTally> tallies(offSets.size(), ClassTally(std::size_t(classes)));
    batchSize = ImageBatch::imagesWithin(images, batchSize);
    for (std::size_t first = 0; first < images.count(); first += std::size_t(batchSize)) {
        const std::size_t count = std::min(std::size_t(batchSize), images.count() - first);
        const torch::Tensor input = ImageBatch::range(images, first, count, normalization, network.device());
        if (shared == 0 || shared == network.blockCount()) {
            for (std::size_t s = 0; s < offSets.size(); ++s)
                tallies[s].add(network.forward(input, masks[s]).logits, images.labels, first);
            continue;
        }
        const std::vector<torch::Tensor> before = network.outputsBefore(input, shared);
        for (std::size_t s = 0; s < offSets.size(); ++s)
            tallies[s].add(network.forwardFrom(shared, before, masks[s]).logits, images.labels, first);
    }
    std::vector<std::vector<double>> accuracies;
    for (const auto& tally : tallies)
        accuracies.push_back(tally.accuracies());
    return accuracies;
}

std::vector<KnockoutResult> KnockoutTest::run(BlockNetwork& network, const ImageSet& images,
                                              const Normalization& normalization, const std::vector<LearnedPath>& paths,
                                              int draws, std::uint64_t seed, std::size_t otherConcepts)
{
    return run(network, ImageSetSource(images), normalization, paths, 0, draws, seed, otherConcepts);
}

namespace {

// The first `perClass` images (0: all) of each class in `classes`, as indices of `labels`.
std::vector<std::size_t> firstOfClasses(const std::vector<std::int64_t>& labels,
                                        const std::vector<std::int64_t>& classes, std::size_t perClass)
{
    std::vector<std::size_t> taken(std::size_t(*std::max_element(classes.begin(), classes.end()) + 1), 0);
    std::vector<std::uint8_t> wanted(taken.size(), 0);
    for (std::int64_t c : classes)
        wanted[std::size_t(c)] = 1;
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto c = std::size_t(labels[i]);
        if (c < wanted.size() && wanted[c] && (perClass == 0 || taken[c] < perClass)) {
            ++taken[c];
            chosen.push_back(i);
        }
    }
    return chosen;
}

// Each class's accuracy on the unmasked network, measured the first time a concept's images
// hold it (the same first images of the class every time), so it runs once per class.
class OriginalAccuracies
{
public:
    void measure(BlockNetwork& network, const ImageSet& images, const Normalization& normalization,
                 const std::vector<std::int64_t>& classes)
    {
        const auto largest = std::size_t(*std::max_element(classes.begin(), classes.end()));
        if (m_measured.size() <= largest) {
            m_accuracy.resize(largest + 1, 0.0);
            m_measured.resize(largest + 1, 0);
        }
        if (std::all_of(classes.begin(), classes.end(), [&](std::int64_t k) { return m_measured[std::size_t(k)]; }))
            return;
        const std::vector<double> now = KnockoutTest::accuracyPerClass(network, images, normalization, {});
        for (std::int64_t k : classes)
            if (!m_measured[std::size_t(k)]) {
                m_accuracy[std::size_t(k)] = std::size_t(k) < now.size() ? now[std::size_t(k)] : 0.0;
                m_measured[std::size_t(k)] = 1;
            }
    }
    const std::vector<double>& perClass() const { return m_accuracy; }

private:
    std::vector<double> m_accuracy;
    std::vector<std::uint8_t> m_measured;
};

}  // namespace

std::vector<KnockoutResult> KnockoutTest::run(BlockNetwork& network, const ImageSource& images,
                                              const Normalization& normalization, const std::vector<LearnedPath>& paths,
                                              std::size_t perClass, int draws, std::uint64_t seed,
                                              std::size_t otherConcepts)
{
    if (paths.size() < 2)
        throw InvalidArgument("the knockout test needs at least two concepts' paths");
    if (draws < 1)
        throw InvalidArgument("the knockout control needs at least one random draw");
    std::vector<std::int64_t> concepts;
    for (const auto& p : paths)
        concepts.push_back(p.classIndex);
    OriginalAccuracies original;
    std::vector<std::size_t> loadedIndices;  // what `loaded` holds: consecutive concepts often share it
    ImageSet loaded;

    std::vector<KnockoutResult> results;
    for (std::size_t c = 0; c < paths.size(); ++c) {
        // The concept and those it is compared with; only their images are read and run.
        std::vector<std::int64_t> compared{concepts[c]};
        for (std::size_t k : comparedWith(paths.size(), c, otherConcepts))
            compared.push_back(concepts[k]);
        const auto indices = firstOfClasses(images.labels(), compared, perClass);
        if (indices != loadedIndices || loaded.count() == 0) {
            loaded = images.read(indices);
            loadedIndices = indices;
        }
        if (std::find(loaded.labels.begin(), loaded.labels.end(), concepts[c]) == loaded.labels.end())
            throw InvalidArgument("the knockout images have no image of class " + std::to_string(concepts[c]));
        original.measure(network, loaded, normalization, compared);
        KnockoutResult r;
        r.classIndex = paths[c].classIndex;
        const auto own = ownUnits(paths, c);
        for (const auto& block : own)
            r.unitsPerBlock.push_back(std::accumulate(block.begin(), block.end(), 0));
        r.units = std::accumulate(r.unitsPerBlock.begin(), r.unitsPerBlock.end(), 0);
        if (r.units == 0) {  // nothing of its own to switch off: every drop is 0
            results.push_back(std::move(r));
            continue;
        }
        // The own units, then the control's draws, in one run over the images.
        std::vector<std::vector<std::vector<std::uint8_t>>> offSets{own};
        for (int d = 0; d < draws; ++d)
            offSets.push_back(randomUnitsLike(own, seed * 1000003ull + std::uint64_t(r.classIndex) * 1009ull + d));
        const auto knocked = accuraciesPerClass(network, loaded, normalization, offSets);
        std::tie(r.ownDrop, r.othersDrop) = drops(original.perClass(), knocked.front(), compared, r.classIndex);
        std::vector<double> randomOwn, randomOthers;
        for (int d = 0; d < draws; ++d) {
            const auto [onC, onOthers] =
                drops(original.perClass(), knocked[std::size_t(d) + 1], compared, r.classIndex);
            randomOwn.push_back(onC);
            randomOthers.push_back(onOthers);
        }
        std::tie(r.randomOwnDrop, r.randomOwnDropStd) = PathMetrics::meanAndStd(randomOwn);
        std::tie(r.randomOthersDrop, r.randomOthersDropStd) = PathMetrics::meanAndStd(randomOthers);
        r.causalInitializations = r.causal() ? 1 : 0;
        results.push_back(std::move(r));
    }
    return results;
}

std::vector<KnockoutResult> KnockoutTest::runOverInitializations(
    BlockNetwork& network, const ImageSource& images, const Normalization& normalization,
    const std::vector<std::vector<LearnedPath>>& initializations, std::size_t perClass, int draws)
{
    std::vector<std::vector<KnockoutResult>> perInitialization;
    for (std::size_t i = 0; i < initializations.size() && i < kInitializations; ++i)
        perInitialization.push_back(
            run(network, images, normalization, initializations[i], perClass, draws, std::uint64_t(i) + 1));
    return meanOverInitializations(perInitialization);
}

namespace {

// Adds `k`'s drops to the running sums in `sum` (the stds squared, to pool them).
void addInto(KnockoutResult& sum, const KnockoutResult& k)
{
    if (sum.unitsPerBlock.size() < k.unitsPerBlock.size())
        sum.unitsPerBlock.resize(k.unitsPerBlock.size(), 0);
    for (std::size_t b = 0; b < k.unitsPerBlock.size(); ++b)
        sum.unitsPerBlock[b] += k.unitsPerBlock[b];
    sum.units += k.units;
    sum.ownDrop += k.ownDrop;
    sum.othersDrop += k.othersDrop;
    sum.randomOwnDrop += k.randomOwnDrop;
    sum.randomOwnDropStd += k.randomOwnDropStd * k.randomOwnDropStd;
    sum.randomOthersDrop += k.randomOthersDrop;
    sum.randomOthersDropStd += k.randomOthersDropStd * k.randomOthersDropStd;
    sum.initializations += k.initializations;
    sum.causalInitializations += k.causalInitializations;
}

}  // namespace

std::vector<KnockoutResult>
KnockoutTest::meanOverInitializations(const std::vector<std::vector<KnockoutResult>>& perInitialization)
{
    if (perInitialization.empty())
        return {};
    const std::size_t concepts = perInitialization.front().size();
    std::vector<KnockoutResult> means(concepts);
    for (std::size_t c = 0; c < concepts; ++c) {
        KnockoutResult& m = means[c];
        m.classIndex = perInitialization.front()[c].classIndex;
        m.initializations = 0;
        for (const auto& results : perInitialization) {
            if (results.size() != concepts || results[c].classIndex != m.classIndex)
                throw InvalidArgument("knockout results of different initializations hold different concepts");
            addInto(m, results[c]);
        }
        const double n = double(perInitialization.size());
        // Rounded means, but never 0 where some initialization had units of its own (its drops count).
        auto meanUnits = [n](int sum) { return sum > 0 ? std::max(1, int(std::lround(sum / n))) : 0; };
        for (int& units : m.unitsPerBlock)
            units = meanUnits(units);
        m.units = meanUnits(m.units);
        m.ownDrop /= n;
        m.othersDrop /= n;
        m.randomOwnDrop /= n;
        m.randomOwnDropStd = std::sqrt(m.randomOwnDropStd / n);
        m.randomOthersDrop /= n;
        m.randomOthersDropStd = std::sqrt(m.randomOthersDropStd / n);
    }
    return means;
}

}  // namespace nad
