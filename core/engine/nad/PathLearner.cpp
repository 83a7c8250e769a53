#include "nad/PathLearner.h"

#include "Errors.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace nad {
namespace {

// A 64-bit mix (SplitMix64's finalizer) to derive independent seeds for (seed, concept, init).
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::uint64_t derivedSeed(std::uint64_t seed, std::int64_t classIndex, int initialization, std::uint64_t purpose)
{
    return mix(mix(mix(seed) ^ std::uint64_t(classIndex)) ^ std::uint64_t(initialization)) ^ purpose;
}

// Cycles through a concept's images in a seeded random order, reshuffling after each pass.
class ImageCycle
{
public:
    ImageCycle(std::int64_t count, std::uint64_t seed) : m_order(std::size_t(count)), m_random(seed)
    {
        std::iota(m_order.begin(), m_order.end(), 0);
        shuffle();
    }
    std::vector<std::int64_t> next(int batch)
    {
        std::vector<std::int64_t> indices;
        for (int k = 0; k < batch; ++k) {
            if (m_cursor == m_order.size()) {
                shuffle();
                m_cursor = 0;
            }
            indices.push_back(m_order[m_cursor++]);
        }
        return indices;
    }

private:
    void shuffle()
    {
        // Own Fisher-Yates: std::shuffle's sequence differs between standard libraries.
        for (std::size_t i = m_order.size(); i > 1; --i)
            std::swap(m_order[i - 1], m_order[std::size_t(m_random() % i)]);
    }
    std::vector<std::int64_t> m_order;
    std::mt19937_64 m_random;
    std::size_t m_cursor = 0;
};

}  // namespace

double LearnedPath::usage() const
{
    std::size_t on = 0, all = 0;
    for (const auto& block : binary) {
        for (auto bit : block)
            on += bit;
        all += block.size();
    }
    return all ? double(on) / double(all) : 0.0;
}

std::vector<double> LearnedPath::usagePerBlock() const
{
    std::vector<double> shares;
    for (const auto& block : binary)
        shares.push_back(block.empty() ? 0.0
                                       : double(std::accumulate(block.begin(), block.end(), 0)) / double(block.size()));
    return shares;
}

double LearnedPath::meanBlockUsage() const
{
    const auto shares = usagePerBlock();
    return shares.empty() ? 0.0 : std::accumulate(shares.begin(), shares.end(), 0.0) / double(shares.size());
}

PathLearner::PathLearner(BlockNetwork& network, LearnerOptions options) : m_network(network), m_options(options)
{
    m_options.validate();
}

std::vector<torch::Tensor> PathLearner::initialLogits(std::int64_t classIndex, int initialization) const
{
    auto generator = at::detail::createCPUGenerator(derivedSeed(m_options.seed, classIndex, initialization, 1));
    std::vector<torch::Tensor> logits;
    for (const auto& block : m_network.blocks())
        logits.push_back(torch::randn({block.channels}, generator));
    return logits;
}

std::vector<std::vector<std::uint8_t>> PathLearner::binarize(const std::vector<torch::Tensor>& logits)
{
    std::vector<std::vector<std::uint8_t>> binary;
    for (const auto& s : logits) {
        // σ(s) > 0.5 ⟺ s > 0; comparing the logits avoids rounding at the boundary.
        const torch::Tensor on = (s.detach().cpu() > 0).to(torch::kUInt8).contiguous();
        const auto* data = on.data_ptr<std::uint8_t>();
        binary.emplace_back(data, data + on.numel());
    }
    return binary;
}

torch::Tensor PathLearner::loss(const std::vector<torch::Tensor>& maskLogits, const torch::Tensor& images,
                                const torch::Tensor& owner, const torch::Tensor& labels, std::vector<double>* distance,
                                std::vector<double>* sparsity, const BlockForward* originals)
{
    const std::int64_t concepts = maskLogits.front().size(0);
    BlockForward computed;
    if (!originals) {
        torch::NoGradGuard noGrad;
        computed = m_network.forward(images, {}, true);
        originals = &computed;
    }
    const BlockForward& original = *originals;
    BlockMasks masks;
    for (const auto& s : maskLogits)
        masks.push_back(torch::sigmoid(s).index_select(0, owner));
    const BlockForward masked = m_network.forward(images, masks, true);

    const auto options = images.options();
    const torch::Tensor counts =
        torch::zeros({concepts}, options).index_add(0, owner, torch::ones_like(owner, options));
    torch::Tensor distancePerConcept;
    torch::Tensor sparsityPerConcept = torch::zeros({concepts}, options);
    torch::Tensor takesPart = torch::ones({concepts}, options);  // 0: the official preset skips it

    if (m_options.preset == LearnerPreset::Paper) {
        // Eq. 4: per sample, Σ over blocks and the logits of the L2 norm (not squared).
        torch::Tensor perSample = torch::zeros({images.size(0)}, options);
        auto addDistance = [&](const torch::Tensor& o, const torch::Tensor& m) {
            torch::Tensor d = (o - m).flatten(1).norm(2, 1);
            if (m_options.scaleFreeDistance)
                d = d / o.flatten(1).norm(2, 1).clamp_min(1e-12);
            perSample = perSample + d;
        };
        for (std::size_t i = 0; i < masks.size(); ++i)
            addDistance(original.blockOutputs[i], masked.blockOutputs[i]);
        addDistance(original.logits, masked.logits);
        distancePerConcept = torch::zeros({concepts}, options).index_add(0, owner, perSample) / counts.clamp_min(1);
        // Eq. 6: L1 norm of the sigmoid masks of blocks 0..n-1.
        for (const auto& s : maskLogits)
            sparsityPerConcept = sparsityPerConcept + torch::sigmoid(s).sum(1);
    } else {
        // The authors' findpath.py: cross-entropy on every sample of the batch, the MSE of each
        // mask's output only on the samples the frozen network classifies correctly, both divided
        // by the number of masks. A concept whose batch has no correct sample is skipped (its
        // term is zeroed, so its gradient is zero and Eq. 8 leaves its masks where they are).
        const torch::Tensor correct = (original.logits.argmax(1) == labels).to(options.dtype());
        const torch::Tensor crossEntropy = torch::nn::functional::cross_entropy(
            masked.logits, labels, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
        torch::Tensor squaredError = torch::zeros({images.size(0)}, options);
        for (std::size_t i = 0; i < masks.size(); ++i)
            squaredError = squaredError + (masked.blockOutputs[i] - original.blockOutputs[i]).pow(2).flatten(1).mean(1);
        const torch::Tensor correctCounts = torch::zeros({concepts}, options).index_add(0, owner, correct);
        const torch::Tensor ceMean =
            torch::zeros({concepts}, options).index_add(0, owner, crossEntropy) / counts.clamp_min(1);
        const torch::Tensor mseMean =
            torch::zeros({concepts}, options).index_add(0, owner, squaredError * correct) / correctCounts.clamp_min(1);
        distancePerConcept = (ceMean + mseMean) / double(masks.size());
        for (const auto& s : maskLogits)
            sparsityPerConcept = sparsityPerConcept + torch::sigmoid(s).pow(2).mean(1);
        sparsityPerConcept = sparsityPerConcept / double(maskLogits.size());
        takesPart = (correctCounts > 0).to(options.dtype());
    }
    auto toVector = [](const torch::Tensor& t) {
        const torch::Tensor cpu = t.detach().to(torch::kCPU, torch::kDouble).contiguous();
        return std::vector<double>(cpu.data_ptr<double>(), cpu.data_ptr<double>() + cpu.numel());
    };
    if (distance)
        *distance = toVector(distancePerConcept);
    if (sparsity)
        *sparsity = toVector(sparsityPerConcept);
    return ((distancePerConcept + m_options.lambda * sparsityPerConcept) * takesPart).sum();
}

std::int64_t PathLearner::originalBytesPerImage(const torch::Tensor& sampleImage)
{
    torch::NoGradGuard noGrad;
    const BlockForward out = m_network.forward(sampleImage.unsqueeze(0), {}, true);
    std::int64_t bytes = out.logits.numel() * std::int64_t(out.logits.element_size());
    for (const auto& block : out.blockOutputs)
        bytes += block.numel() * std::int64_t(block.element_size());
    return bytes;
}

void PathLearner::normalizedStep(std::vector<torch::Tensor>& maskLogits, double alpha, const std::vector<bool>& active)
{
    torch::NoGradGuard noGrad;
    const auto& first = maskLogits.front();
    std::vector<float> flags(active.begin(), active.end());
    const torch::Tensor activeRows =
        torch::tensor(flags, torch::TensorOptions().dtype(first.dtype())).to(first.device()).view({-1, 1});
    for (auto& s : maskLogits) {
        if (!s.grad().defined())
            continue;
        const torch::Tensor g = s.grad();
        // Eq. 8 with the authors' per-block normalization, separately for every concept row.
        s.sub_(alpha * activeRows * g / g.norm(2, 1, true).clamp_min(1e-12));
        s.mutable_grad().zero_();
    }
}

namespace {

// Soft mask logits per block with one row per concept (rows[c][i] is concept c's block i), on
// `device`, ready for gradients.
std::vector<torch::Tensor> stackPerBlock(const std::vector<std::vector<torch::Tensor>>& rows, std::size_t blocks,
                                         const torch::Device& device)
{
    std::vector<torch::Tensor> maskLogits;
    for (std::size_t i = 0; i < blocks; ++i) {
        std::vector<torch::Tensor> perConcept;
        for (const auto& r : rows)
            perConcept.push_back(r[i]);
        maskLogits.push_back(torch::stack(perConcept).to(device).set_requires_grad(true));
    }
    return maskLogits;
}

// The frozen network's block outputs and logits on every image of every concept, computed in
// chunks of 256 without gradients (a step then needs only the masked forward).
std::vector<BlockForward> originalOutputs(BlockNetwork& network, const std::vector<ConceptImages>& concepts,
                                          const torch::Device& device)
{
    torch::NoGradGuard noGrad;
    std::vector<BlockForward> cached;
    for (const auto& c : concepts) {
        BlockForward all;
        std::vector<std::vector<torch::Tensor>> blockParts(network.blockCount());
        std::vector<torch::Tensor> logitParts;
        for (std::int64_t first = 0; first < c.images.size(0); first += 256) {
            const BlockForward part =
                network.forward(c.images.slice(0, first, std::min(first + 256, c.images.size(0))).to(device), {}, true);
            for (std::size_t i = 0; i < blockParts.size(); ++i)
                blockParts[i].push_back(part.blockOutputs[i]);
            logitParts.push_back(part.logits);
        }
        for (auto& parts : blockParts)
            all.blockOutputs.push_back(torch::cat(parts));
        all.logits = torch::cat(logitParts);
        cached.push_back(std::move(all));
    }
    return cached;
}

// One step's batch: `batchSize` images of every still active concept (rows tagged with the
// concept's row in `owner` and its class in `labels`) and, when cached, their original outputs.
struct StepBatch
{
    torch::Tensor images;
    torch::Tensor owner;
    torch::Tensor labels;
    BlockForward originals;  // empty without a cache
    bool empty() const { return !images.defined(); }
};

StepBatch nextBatch(const std::vector<ConceptImages>& concepts, std::vector<ImageCycle>& cycles,
                    const std::vector<bool>& active, const std::vector<BlockForward>& cached, int batchSize,
                    const torch::Device& device)
{
    std::vector<torch::Tensor> batchImages, batchLogits;
    std::vector<std::vector<torch::Tensor>> batchBlocks(cached.empty() ? 0 : cached.front().blockOutputs.size());
    std::vector<std::int64_t> owner, labels;
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        if (!active[c])
            continue;
        const auto indices = cycles[c].next(batchSize);
        const torch::Tensor index = torch::tensor(indices, torch::kInt64).to(concepts[c].images.device());
        batchImages.push_back(concepts[c].images.index_select(0, index).to(device));
        if (!cached.empty()) {
            const torch::Tensor onDevice = index.to(device);
            for (std::size_t i = 0; i < batchBlocks.size(); ++i)
                batchBlocks[i].push_back(cached[c].blockOutputs[i].index_select(0, onDevice));
            batchLogits.push_back(cached[c].logits.index_select(0, onDevice));
        }
        owner.insert(owner.end(), indices.size(), std::int64_t(c));
        labels.insert(labels.end(), indices.size(), concepts[c].classIndex);
    }
    StepBatch batch;
    if (batchImages.empty())
        return batch;  // every concept converged
    batch.images = torch::cat(batchImages);
    for (auto& parts : batchBlocks)
        batch.originals.blockOutputs.push_back(torch::cat(parts));
    if (!batchLogits.empty())
        batch.originals.logits = torch::cat(batchLogits);
    batch.owner = torch::tensor(owner, torch::kInt64).to(device);
    batch.labels = torch::tensor(labels, torch::kInt64).to(device);
    return batch;
}

// Per concept: steps taken, its budget, and the convergence rule (LearnerOptions): every
// `window` steps from `minSteps` on, the binary path is compared with the one a window earlier.
class ConvergenceTracker
{
public:
    ConvergenceTracker(int firstStep, std::vector<int> budgets, const LearnerOptions& options)
        : m_active(budgets.size(), true), m_steps(budgets.size(), firstStep), m_budgets(std::move(budgets)),
          m_snapshot(m_budgets.size()), m_window(options.convergenceWindow), m_tolerance(options.convergenceTolerance),
          m_minSteps(options.minSteps)
    {
        for (std::size_t c = 0; c < m_budgets.size(); ++c)
            m_active[c] = firstStep < m_budgets[c];
    }
    const std::vector<bool>& active() const { return m_active; }
    int steps(std::size_t concept) const { return m_steps[concept]; }
    // A resumed pass: the path it resumes from is the snapshot when it was taken on a check step
    // (checkpoints every multiple of the window), so the run continues exactly as uninterrupted.
    void resumeFrom(std::size_t concept, std::vector<std::vector<std::uint8_t>> binary)
    {
        if (m_window > 0 && m_steps[concept] > 0 && m_steps[concept] % m_window == 0)
            m_snapshot[concept] = std::move(binary);
    }
    // Records concept `concept`'s binary path after a step it took part in.
    void record(std::size_t concept, std::vector<std::vector<std::uint8_t>> binary)
    {
        if (!m_active[concept])
            return;
        const int step = ++m_steps[concept];
        if (m_window > 0 && step % m_window == 0) {
            // A run resumed between two checks has no snapshot yet and checks one window later.
            if (!m_snapshot[concept].empty() && step >= m_minSteps &&
                changedShare(binary, m_snapshot[concept]) <= m_tolerance)
                m_active[concept] = false;
            m_snapshot[concept] = std::move(binary);
        }
        if (step >= m_budgets[concept])
            m_active[concept] = false;
    }

private:
    static double changedShare(const std::vector<std::vector<std::uint8_t>>& a,
                               const std::vector<std::vector<std::uint8_t>>& b)
    {
        double changed = 0, all = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            for (std::size_t t = 0; t < a[i].size(); ++t)
                changed += a[i][t] != b[i][t] ? 1 : 0;
            all += double(a[i].size());
        }
        return all > 0 ? changed / all : 0.0;
    }
    std::vector<bool> m_active;
    std::vector<int> m_steps;
    std::vector<int> m_budgets;
    std::vector<std::vector<std::vector<std::uint8_t>>> m_snapshot;
    int m_window;
    double m_tolerance;
    int m_minSteps;
};

double shareOn(const std::vector<std::vector<std::uint8_t>>& binary)
{
    double on = 0, all = 0;
    for (const auto& b : binary) {
        on += double(std::accumulate(b.begin(), b.end(), 0));
        all += double(b.size());
    }
    return on / all;
}

}  // namespace

std::vector<LearnedPath> PathLearner::learn(const std::vector<ConceptImages>& concepts, int initialization,
                                            const ProgressCallback& progress, const std::atomic<bool>* cancel,
                                            const LearnerResume* resume, const CheckpointCallback& checkpoint,
                                            int checkpointEvery)
{
    if (concepts.empty())
        throw InvalidArgument("no concepts to learn paths for");
    for (const auto& c : concepts) {
        if (!c.images.defined() || c.images.size(0) == 0)
            throw InvalidArgument("concept " + std::to_string(c.classIndex) + " has no images");
    }
    if (resume && resume->logits.size() != concepts.size())
        throw InvalidArgument("a checkpoint of " + std::to_string(resume->logits.size()) + " concepts cannot resume " +
                              std::to_string(concepts.size()));
    const torch::Device device = m_network.device();
    const std::size_t k = concepts.size();

    std::vector<std::vector<torch::Tensor>> rows;
    for (std::size_t c = 0; c < k; ++c)
        rows.push_back(resume ? resume->logits[c] : initialLogits(concepts[c].classIndex, initialization));
    std::vector<torch::Tensor> maskLogits = stackPerBlock(rows, m_network.blockCount(), device);

    // The frozen network's outputs on every image, once, when they fit in the memory budget.
    std::int64_t imageCount = 0;
    for (const auto& c : concepts)
        imageCount += c.images.size(0);
    const std::int64_t budget = m_options.originalsCacheMiB << 20;
    std::vector<BlockForward> cached;
    if (budget > 0 && imageCount * originalBytesPerImage(concepts.front().images[0].to(device)) <= budget)
        cached = originalOutputs(m_network, concepts, device);

    // Each concept's image order; a resumed pass replays it up to the step reached.
    std::vector<ImageCycle> cycles;
    for (const auto& c : concepts)
        cycles.emplace_back(c.images.size(0), derivedSeed(m_options.seed, c.classIndex, initialization, 2));
    std::vector<int> budgets;
    for (const auto& c : concepts)
        budgets.push_back(m_options.budgetFor(c.images.size(0)));
    const int lastStep = *std::max_element(budgets.begin(), budgets.end());
    const int firstStep = resume ? std::clamp(resume->step, 0, lastStep) : 0;
    for (int skipped = 0; skipped < firstStep; ++skipped) {
        for (auto& cycle : cycles)
            cycle.next(m_options.batchSize);
    }
    ConvergenceTracker convergence(firstStep, budgets, m_options);
    if (resume) {
        for (std::size_t c = 0; c < k; ++c)
            convergence.resumeFrom(c, binarize(resume->logits[c]));
    }

    auto currentPaths = [&]() {
        std::vector<LearnedPath> paths;
        for (std::size_t c = 0; c < k; ++c) {
            LearnedPath path;
            path.classIndex = concepts[c].classIndex;
            path.initialization = initialization;
            path.steps = convergence.steps(c);
            for (const auto& s : maskLogits)
                path.logits.push_back(s[std::int64_t(c)].detach().to(torch::kCPU).clone());
            path.binary = binarize(path.logits);
            paths.push_back(std::move(path));
        }
        return paths;
    };

    for (int step = firstStep; step < lastStep; ++step) {
        if (cancel && cancel->load())
            break;
        const StepBatch batch = nextBatch(concepts, cycles, convergence.active(), cached, m_options.batchSize, device);
        if (batch.empty())
            break;  // every concept converged
        LearnerProgress report;
        loss(maskLogits, batch.images, batch.owner, batch.labels, &report.distanceLoss, &report.sparsityLoss,
             cached.empty() ? nullptr : &batch.originals)
            .backward();
        normalizedStep(maskLogits, m_options.alpha, convergence.active());

        report.step = step + 1;
        report.steps = lastStep;
        for (std::size_t c = 0; c < k; ++c) {
            std::vector<torch::Tensor> row;
            for (const auto& s : maskLogits)
                row.push_back(s[std::int64_t(c)]);
            auto binary = binarize(row);
            report.classIndices.push_back(concepts[c].classIndex);
            report.usage.push_back(shareOn(binary));
            convergence.record(c, std::move(binary));
        }
        if (progress)
            progress(report);
        if (checkpoint && checkpointEvery > 0 && (step + 1) % checkpointEvery == 0 && step + 1 < lastStep)
            checkpoint(currentPaths());
    }
    return currentPaths();
}

}  // namespace nad
