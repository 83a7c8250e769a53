#pragma once

#include "analysis/ActivationMaps.h"
#include "data/ConceptHierarchy.h"
#include "figures/ActivationGridView.h"
#include "figures/FigureExporter.h"
#include "nad/RunEvaluation.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace nad {

class ActivationGridView;
class BlockSeriesView;
class ConceptPanel;
class FrontierView;
class InterpretabilityScatterView;
class KnockoutView;
class PrecisionHistogramView;
class ProjectStore;
class RunOverviewView;
class SimilarityHeatmapView;
class TrainingCurvesView;
struct RunContext;
struct SweepRecord;

struct FigureRequest
{
    QString outputDirectory;
    FigureExportOptions options;
    std::string zooDirectory;
    bool activationFigures = true;                // activation grid and hit rate per model (needs the zoo)
    HitRateOptions hitRate;                       // composites for the hit-rate figure
    std::vector<std::string> activationConcepts;  // empty: one per primary concept, then class order
};

// What an activation grid draws, computed without touching a widget (a worker thread can).
struct ActivationGridData
{
    CompositeImage composite;
    QStringList tileLabels;
    QStringList blockNames;
    QVector<ActivationGridView::Row> rows;  // the original network, then one per tile concept
};

struct WrittenFigure
{
    QString figure;  // e.g. "vgg-w16-s1/precision-histogram"
    QString path;
    QString csvPath;
};

// Turns a project's evaluated runs into the paper's figures: fills the views (the GUI shows
// the same ones) and exports them all (`nad figures`).
class ProjectFigures
{
public:
    // The latest evaluated run of each model, in the order the models were added.
    static std::vector<RunSummary> summaries(const ProjectStore& project);

    static void fillPrecision(PrecisionHistogramView& view, const RunSummary& summary);
    // Each evaluated concept's status, precision, usage, AUROC, knockout and steps in the panel.
    static void fillConcepts(ConceptPanel& panel, const RunSummary& summary);
    // The knockout test per concept (empty for a run evaluated before it existed).
    static void fillKnockout(KnockoutView& view, const RunSummary& summary);
    // A figure's caption note: the run's warnings (RunSummary::warnings), one per line.
    static QString warningNote(const RunSummary& summary);
    // For figures of several runs: per model, how many blocks are the original network.
    static QString wholeNetworkNote(const std::vector<RunSummary>& summaries);
    static void fillUsage(BlockSeriesView& view, const std::vector<RunSummary>& summaries);
    static void fillInterpretability(InterpretabilityScatterView& view, const ProjectStore& project,
                                     const std::vector<RunSummary>& summaries);
    static void fillSimilarity(SimilarityHeatmapView& view, const ProjectStore& project, const RunSummary& summary);
    // The run's first screen: headline numbers (paths against the original network), warnings,
    // similarity with dendrogram and this run's usage per block.
    static void fillOverview(RunOverviewView& view, const ProjectStore& project, const RunSummary& summary);
    static QString overviewHeadline(const RunSummary& summary);
    // The grid for one composite: the original network, then each tile concept's path from
    // `paths` (one initialization's). `network` is the run's network (RunContext::loadNetwork).
    static void fillActivations(ActivationGridView& view, const RunContext& context, BlockNetwork& network,
                                const std::vector<LearnedPath>& paths, const CompositeImage& composite,
                                double topPercent);
    // The same in two halves: the maps (LibTorch, any thread), then the view (GUI thread).
    static ActivationGridData activationGrid(const RunContext& context, BlockNetwork& network,
                                             const std::vector<LearnedPath>& paths, const CompositeImage& composite);
    static void fillActivations(ActivationGridView& view, const ActivationGridData& data, double topPercent);
    // Loss terms and usage along learning (first initialization), from the run's history.
    // Returns false when the run has no history (learned before schema v2).
    static bool fillTrainingCurves(TrainingCurvesView& view, const ProjectStore& project, std::int64_t runId);
    // The λ sweeps of one model (SweepStore, oldest first): each sweep's frontier, its
    // recommended and default λ marked, and a caption saying how the points were measured.
    static void fillFrontier(FrontierView& view, const std::vector<SweepRecord>& sweeps, const QString& modelName);
    static void fillHitRate(BlockSeriesView& view, const HitRateStudy& study, const QString& modelName);
    // Concepts for a default composite: one per primary concept first, then in class order.
    static std::vector<std::int64_t> defaultCompositeConcepts(const ProjectStore& project, const RunContext& context,
                                                              const std::vector<LearnedPath>& paths, int tiles);
    // The same by name: up to `tiles` of the `learned` concepts.
    static std::vector<std::string> defaultCompositeConcepts(const ConceptHierarchy& hierarchy,
                                                             const std::vector<std::string>& learned, int tiles);

    using Progress = std::function<void(const QString& message)>;
    // Exports every figure into the request's folder (the frontier of each model with stored
    // sweeps too) and logs each export in the project (when it is open for writing). Throws
    // nad::Error or std::runtime_error.
    static std::vector<WrittenFigure> exportAll(ProjectStore& project, const FigureRequest& request,
                                                const Progress& progress = {},
                                                const std::atomic<bool>* cancel = nullptr);
};

}  // namespace nad
