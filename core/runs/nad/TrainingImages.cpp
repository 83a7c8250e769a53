#include "nad/TrainingImages.h"

#include "Errors.h"
#include "data/ImageFolderReader.h"
#include "nad/DatasetImages.h"
#include "nad/ImageCycle.h"
#include "nad/NegativePool.h"
#include "nn/ImageBatch.h"

#include <unistd.h>

#include <algorithm>

namespace nad {
namespace {

bool containsAll(const std::vector<int>& held, const std::vector<int>& wanted)
{
    return std::all_of(wanted.begin(), wanted.end(),
                       [&held](int c) { return std::find(held.begin(), held.end(), c) != held.end(); });
}

std::string megabytes(std::size_t bytes)
{
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

}  // namespace

std::size_t TrainingImages::defaultMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return std::size_t(4) << 30;
    return std::size_t(pages) * std::size_t(pageSize) / 4;
}

TrainingImages::TrainingImages(const DatasetRecord& dataset, const ImageTransform& transform, const RunPlan& plan,
                               Settings settings)
    : m_dataset(dataset), m_transform(transform), m_plan(plan), m_settings(std::move(settings))
{
    if (m_settings.memoryBytes == 0)
        m_settings.memoryBytes = defaultMemoryBytes();
    if (dataset.kind == "idx") {
        m_idx = DatasetImages::training(dataset, transform, {}, 0, m_settings.seed);
        m_prefetch = false;
        m_peakBytes = m_idx.pixels.size();
        return;
    }
    if (dataset.kind != "imagefolder")
        throw InvalidArgument("data set '" + dataset.name + "' is of unknown kind '" + dataset.kind + "'");
    m_transform.validate();
    m_splits = ImageFolderSplits::of(dataset.path);
    checkBudget();
    // The first pass is decoded now, so a class with no image that decodes is refused before the
    // job writes anything (a later pass's fails the run, which a rerun resumes).
    if (m_plan.passes() > 0)
        m_first = Loaded{m_plan.passClasses(0), decode(m_plan.passClasses(0))};
}

TrainingImages::~TrainingImages()
{
    if (m_next.valid())
        m_next.wait();
}

std::size_t TrainingImages::estimatedBytes(const std::vector<int>& classes) const
{
    const int channels = m_transform.channels > 0 ? m_transform.channels : 3;
    const int height = m_transform.cropHeight > 0 ? m_transform.cropHeight : m_transform.resizeHeight;
    const int width = m_transform.cropWidth > 0 ? m_transform.cropWidth : m_transform.resizeWidth;
    if (!m_splits || height <= 0 || width <= 0)
        return 0;  // the size is known only once decoded
    std::size_t images = 0;
    for (int c : classes) {
        const std::size_t files = m_splits->training().files.at(std::size_t(c)).size();
        images += m_settings.perConcept > 0 ? std::min(files, m_settings.perConcept) : files;
    }
    return images * std::size_t(channels) * std::size_t(height) * std::size_t(width);
}

// A pass's pixels are held twice while they become tensors; the next pass's while one learns.
void TrainingImages::checkBudget()
{
    std::size_t largest = 0;
    for (int p = 0; p < m_plan.passes(); ++p)
        largest = std::max(largest, estimatedBytes(m_plan.passClasses(p)));
    if (2 * largest > m_settings.memoryBytes)
        throw InvalidArgument("a pass of " + std::to_string(m_plan.conceptsPerPass) + " concepts needs about " +
                              megabytes(2 * largest) + " for its decoded images, more than the memory budget of " +
                              megabytes(m_settings.memoryBytes) +
                              " (--memory); lower --concepts-per-pass or --images-per-concept");
    m_prefetch = 3 * largest <= m_settings.memoryBytes;
}

ImageFolderOptions TrainingImages::folderOptions(std::size_t perClass, std::uint64_t seed) const
{
    ImageFolderOptions options;
    options.transform = m_transform;
    options.imagesPerClass = perClass;
    options.seed = seed;
    options.threads = m_settings.decodingThreads;
    return options;
}

ImageSet TrainingImages::decode(const std::vector<int>& classes) const
{
    return ImageFolderReader::load(ImageFolderSplits::select(m_splits->training(), classes),
                                   folderOptions(m_settings.perConcept, m_settings.seed));
}

void TrainingImages::startDecoding(const std::vector<int>& classes)
{
    m_nextClasses = classes;
    m_next = std::async(std::launch::async, [this, classes] { return decode(classes); });
}

TrainingImages::Loaded TrainingImages::take(const std::vector<int>& classes)
{
    if (m_first) {
        Loaded first = std::move(*m_first);
        m_first.reset();
        if (containsAll(first.classes, classes))
            return first;
    }
    if (m_next.valid()) {
        ImageSet decoded = m_next.get();  // rethrows what decoding threw
        if (containsAll(m_nextClasses, classes))
            return {m_nextClasses, std::move(decoded)};
    }
    // Not the pass the plan predicted (a resumed run skips finished concepts): decode it now.
    return {classes, decode(classes)};
}

std::vector<ConceptImages> TrainingImages::pass(const std::vector<int>& classes, const torch::Device& device)
{
    if (!m_splits) {
        auto concepts = toConcepts(m_idx, classes, device);
        std::size_t held = m_idx.pixels.size();
        for (const auto& c : concepts)
            held += std::size_t(c.bytes());
        m_peakBytes = std::max(m_peakBytes, held);
        return concepts;
    }
    if (m_kept && containsAll(m_kept->classes, classes))
        return toConcepts(m_kept->set, classes, device);
    Loaded loaded = take(classes);
    // The pass after this one, in the order RunLoop asks for them (passes, then initializations).
    int current = 0;
    for (int p = 0; p < m_plan.passes(); ++p)
        if (containsAll(m_plan.passClasses(p), {classes.front()}))
            current = p;
    const int next = (current + 1) % std::max(1, m_plan.passes());
    std::size_t inFlight = 0;
    if (next == current && m_plan.initializations > 1) {
        m_kept = std::move(loaded);  // one pass: every initialization learns on the same images
    } else if (m_prefetch && (next != 0 || m_plan.initializations > 1)) {
        startDecoding(m_plan.passClasses(next));
        inFlight = estimatedBytes(m_nextClasses);
    }
    const ImageSet& set = m_kept ? m_kept->set : loaded.set;
    auto concepts = toConcepts(set, classes, device);
    std::size_t held = set.pixels.size() + inFlight;
    for (const auto& c : concepts)
        held += std::size_t(c.bytes());
    m_peakBytes = std::max(m_peakBytes, held);
    return concepts;
}

// Each concept's images (a seeded sample of `perConcept` when the set holds more), 8-bit.
std::vector<ConceptImages> TrainingImages::toConcepts(const ImageSet& set, const std::vector<int>& classes,
                                                      const torch::Device& device) const
{
    std::vector<ConceptImages> concepts;
    const std::size_t perConcept = m_settings.perConcept;
    for (int cls : classes) {
        auto indices = set.indicesOfClass(cls);
        if (perConcept > 0 && indices.size() > perConcept) {
            const auto order =
                ImageFolderReader::samplePermutation(indices.size(), m_settings.seed + std::uint64_t(cls));
            std::vector<std::size_t> sample;
            for (std::size_t k = 0; k < perConcept; ++k)
                sample.push_back(indices[order[k]]);
            indices = sample;
        }
        concepts.push_back(
            ConceptImages::ofPixels(cls, ImageBatch::pixels(set, indices).to(device), m_settings.normalization));
    }
    return concepts;
}

NegativeImages TrainingImages::negatives(int size, std::uint64_t seed, std::size_t classCount,
                                         const torch::Device& device) const
{
    if (!m_splits)
        return NegativePool::draw(m_idx, {}, size, seed, m_settings.normalization, device);
    // An ImageFolder: a seeded sample of ⌈size / classes⌉ training images of every class.
    const std::size_t classes = std::max<std::size_t>(classCount, 1);
    const std::size_t perClass = (std::size_t(std::max(size, 1)) + classes - 1) / classes;
    const ImageSet all = ImageFolderReader::load(m_splits->training(), folderOptions(perClass, mixSeed(seed) ^ 3));
    return NegativePool::draw(all, {}, size, seed, m_settings.normalization, device);
}

}  // namespace nad
