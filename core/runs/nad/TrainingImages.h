#pragma once

#include "data/ImageFolderSplits.h"
#include "data/ImageSet.h"
#include "data/ImageTransform.h"
#include "data/Normalization.h"
#include "jobs/RunPlan.h"
#include "nad/ConceptImages.h"
#include "nad/StepBatches.h"
#include "store/ProjectStore.h"

#include <cstdint>
#include <future>
#include <optional>
#include <vector>

namespace nad {

// The training images of a run, one pass at a time (issue 16: ImageNet's 1,000 concepts at 224
// px would need ~190 GB at once).
//
// An IDX data set is read once: Fashion-MNIST's training split takes 47 MB. An ImageFolder is
// scanned once, and each pass decodes only its own concepts' images (a seeded sample of
// `perConcept`, the same files as loading every concept at once would take), on a pool of
// threads; while a pass learns, the next pass of the plan is decoded on a background thread.
// Images are kept as 8-bit pixels and normalized per batch (ConceptImages), so memory holds at
// most two passes' pixels, whatever the number of concepts.
class TrainingImages
{
public:
    struct Settings
    {
        std::size_t perConcept = 0;  // training images per concept; 0 = all
        std::uint64_t seed = 0;      // which images a sample takes
        Normalization normalization;
        std::size_t memoryBytes = 0;  // budget for decoded pixels; 0 = defaultMemoryBytes()
        int decodingThreads = 0;      // 0 = one per core
    };

    // Scans the data set (an ImageFolder's files are listed, an IDX split is read) and decodes the
    // plan's first pass. Throws DataError / InvalidArgument for a data set that cannot be read
    // (a class of the first pass with no image that decodes among them), and InvalidArgument
    // when one pass would not fit in the memory budget.
    TrainingImages(const DatasetRecord& dataset, const ImageTransform& transform, const RunPlan& plan,
                   Settings settings);
    ~TrainingImages();
    TrainingImages(const TrainingImages&) = delete;
    TrainingImages& operator=(const TrainingImages&) = delete;

    // The images of `classes` (a pass of the plan, or the part of one still to learn), 8-bit on
    // `device`. Starts decoding the plan's next pass before it returns.
    std::vector<ConceptImages> pass(const std::vector<int>& classes, const torch::Device& device);

    // Other classes' training images for the negative-aware terms: `size` images in all, a seeded
    // sample of every class (NegativePool::draw), normalized on `device`.
    NegativeImages negatives(int size, std::uint64_t seed, std::size_t classCount, const torch::Device& device) const;

    // The most bytes of decoded pixels this object held at once (the current pass, the next one
    // being decoded and, for IDX, the whole split).
    std::size_t peakBytes() const { return m_peakBytes; }
    // Whether the next pass is decoded while one learns (both fit in the budget).
    bool prefetches() const { return m_prefetch; }
    // A quarter of the machine's physical memory.
    static std::size_t defaultMemoryBytes();

private:
    struct Loaded
    {
        std::vector<int> classes;
        ImageSet set;
    };
    ImageFolderOptions folderOptions(std::size_t perClass, std::uint64_t seed) const;
    ImageSet decode(const std::vector<int>& classes) const;
    Loaded take(const std::vector<int>& classes);
    void startDecoding(const std::vector<int>& classes);
    std::vector<ConceptImages> toConcepts(const ImageSet& set, const std::vector<int>& classes,
                                          const torch::Device& device) const;
    std::size_t estimatedBytes(const std::vector<int>& classes) const;
    void checkBudget();
    void holding(std::size_t bytes);

    DatasetRecord m_dataset;
    ImageTransform m_transform;
    RunPlan m_plan;
    Settings m_settings;
    std::optional<ImageFolderSplits> m_splits;  // an ImageFolder
    ImageSet m_idx;                             // an IDX data set's training split
    bool m_prefetch = true;
    std::vector<int> m_nextClasses;
    std::future<ImageSet> m_next;
    std::optional<Loaded> m_first;  // decoded by the constructor
    std::optional<Loaded> m_kept;   // a plan of one pass keeps its images for the next initialization
    std::size_t m_peakBytes = 0;
};

}  // namespace nad
