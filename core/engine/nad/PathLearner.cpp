#include "nad/PathLearner.h"

#include "Errors.h"
#include "nad/ConvergenceTracker.h"
#include "nad/ImageCycle.h"
#include "nad/WindowAveragedPaths.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <numeric>
#include <optional>

namespace nad {
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

std::int64_t PathLearner::originalBytesPerImage(const torch::Tensor& sampleImage)
{
    return StepBatches::originalBytesPerImage(m_network, sampleImage);
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

double shareOn(const std::vector<std::vector<std::uint8_t>>& binary)
{
    double on = 0, all = 0;
    for (const auto& b : binary) {
        on += double(std::accumulate(b.begin(), b.end(), 0));
        all += double(b.size());
    }
    return on / all;
}

// A concept that has stopped has no images in the step's batch, so its distance and negative
// terms read 0. It reports the last values it had instead: a curve of the run's mean (the
// studio's, the stored history's) would otherwise step down each time a concept stops, and a
// reader would take that for learning. `last` holds each concept's values from its last step;
// every vector has one entry per concept (PathObjective's terms always do).
void holdStoppedConcepts(std::vector<double>& terms, const std::vector<bool>& active, std::vector<double>& last)
{
    for (std::size_t c = 0; c < active.size(); ++c) {
        if (active[c])
            last[c] = terms[c];
        else
            terms[c] = last[c];
    }
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
        if (c.count() == 0)
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

    if (m_options.negatives.any() && m_negatives.empty())
        throw InvalidArgument("the negative-aware terms are on but no images of other classes were given");
    StepBatches batches(m_network, m_options, concepts, m_negatives, initialization, m_frozenOutputs);
    std::vector<int> budgets;
    for (const auto& c : concepts)
        budgets.push_back(m_options.budgetFor(c.count()));
    const int lastStep = *std::max_element(budgets.begin(), budgets.end());
    const int firstStep = resume ? std::clamp(resume->step, 0, lastStep) : 0;
    batches.skip(firstStep);  // a resumed pass replays each concept's order up to the step reached
    ConvergenceTracker convergence(firstStep, budgets, m_options);
    std::optional<WindowAveragedPaths> averaged;
    if (m_options.averagedPaths)
        averaged.emplace(k);
    // With averaged paths the rule compares window means; the mean of the window before a
    // checkpoint is not stored, so a resumed pass checks one window later.
    if (resume && !averaged) {
        for (std::size_t c = 0; c < k; ++c)
            convergence.resumeFrom(c, binarize(resume->logits[c]));
    }

    // The state (the last step's logits, what a checkpoint must hold to resume) or the read-out
    // (the window mean where paths are averaged).
    auto currentPaths = [&](bool readout) {
        std::vector<LearnedPath> paths;
        for (std::size_t c = 0; c < k; ++c) {
            LearnedPath path;
            path.classIndex = concepts[c].classIndex;
            path.initialization = initialization;
            path.steps = convergence.steps(c);
            if (readout && averaged && averaged->hasReadout(c))
                path.logits = averaged->readout(c);
            else
                for (const auto& s : maskLogits)
                    path.logits.push_back(s[std::int64_t(c)].detach().to(torch::kCPU).clone());
            path.binary = binarize(path.logits);
            paths.push_back(std::move(path));
        }
        return paths;
    };

    std::vector<double> lastDistance(k, 0.0), lastNegative(k, 0.0);
    for (int step = firstStep; step < lastStep; ++step) {
        if (cancel && cancel->load())
            break;
        const std::vector<bool> active = convergence.active();
        const LossBatch batch = batches.next(active);
        if (!batch.images.defined())
            break;  // every concept converged
        LearnerProgress report;
        LossTerms terms = loss(maskLogits, batch);
        terms.total.backward();
        holdStoppedConcepts(terms.distance, active, lastDistance);
        holdStoppedConcepts(terms.negative, active, lastNegative);
        report.distanceLoss = std::move(terms.distance);
        report.sparsityLoss = std::move(terms.sparsity);
        report.negativeLoss = std::move(terms.negative);
        normalizedStep(maskLogits, m_options.alphaAt(step), convergence.active());
        if (averaged)
            averaged->add(maskLogits);

        report.step = step + 1;
        report.steps = lastStep;
        for (std::size_t c = 0; c < k; ++c) {
            std::vector<torch::Tensor> row;
            for (const auto& s : maskLogits)
                row.push_back(s[std::int64_t(c)]);
            auto binary = binarize(row);
            report.classIndices.push_back(concepts[c].classIndex);
            report.usage.push_back(shareOn(binary));
            if (averaged && convergence.nextRecordEndsWindow(c)) {
                averaged->close(c);
                binary = binarize(averaged->readout(c));
            }
            convergence.record(c, std::move(binary));
        }
        if (progress)
            progress(report);
        if (checkpoint && checkpointEvery > 0 && (step + 1) % checkpointEvery == 0 && step + 1 < lastStep)
            checkpoint(currentPaths(false));
    }
    // A cancelled pass is stored as a checkpoint, to resume from its state.
    return currentPaths(!(cancel && cancel->load()));
}

}  // namespace nad
