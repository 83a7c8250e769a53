#include "ProjectFigures.h"

#include "ConceptPanel.h"
#include "Errors.h"
#include "QtText.h"
#include "RunOverviewView.h"
#include "analysis/ConceptClustering.h"
#include "analysis/PathEvaluator.h"
#include "figures/ActivationGridView.h"
#include "figures/BlockSeriesView.h"
#include "figures/FrontierView.h"
#include "figures/InterpretabilityScatterView.h"
#include "figures/KnockoutView.h"
#include "figures/PrecisionHistogramView.h"
#include "figures/SimilarityHeatmapView.h"
#include "figures/TrainingCurvesView.h"
#include "jobs/RunContext.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "store/SweepStore.h"

#include <QCoreApplication>
#include <QDir>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace nad {
namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("nad::ProjectFigures", text, disambiguation, n);
}

}  // namespace

std::vector<RunSummary> ProjectFigures::summaries(const ProjectStore& project)
{
    std::vector<RunSummary> out;
    for (const auto& [model, run] : RunStore(project).latestEvaluatedRuns())
        out.push_back(RunEvaluation::load(project, run));
    return out;
}

QString ProjectFigures::warningNote(const RunSummary& summary)
{
    QStringList lines;
    for (const auto& warning : summary.warnings(true))
        lines << tr("Warning: %1").arg(qs(warning));
    return lines.join(QLatin1Char('\n'));
}

QString ProjectFigures::wholeNetworkNote(const std::vector<RunSummary>& summaries)
{
    QStringList lines;
    for (const auto& s : summaries) {
        const auto whole = s.wholeNetworkBlocks();
        if (!whole.empty())
            lines << tr("Warning: %1: every path keeps ≥ 99 % of the units in %2 of %3 blocks")
                         .arg(qs(s.modelName))
                         .arg(whole.size())
                         .arg(s.minUsagePerBlock.size());
    }
    return lines.join(QLatin1Char('\n'));
}

void ProjectFigures::fillPrecision(PrecisionHistogramView& view, const RunSummary& summary)
{
    QVector<double> original, disentangled;
    for (const auto& c : summary.concepts) {
        original << c.originalPrecision;
        disentangled << c.pathPrecision;
    }
    view.setTitle(qs(summary.modelName));
    view.setPrecisions(original, disentangled);
    view.setNote(warningNote(summary));
}

void ProjectFigures::fillConcepts(ConceptPanel& panel, const RunSummary& summary)
{
    for (std::size_t k = 0; k < summary.concepts.size() && k < summary.classNames.size(); ++k) {
        const ConceptEvaluation& e = summary.concepts[k];
        const QString name = qs(summary.classNames[k]);
        panel.setStatus(name, ConceptPanel::Status::Learned, e.pathPrecision, e.usage);
        ConceptPanel::PathDetails details;
        details.auroc = e.pathAuroc;
        details.originalAuroc = e.originalAuroc;
        details.degenerate = e.degenerate;
        if (k < summary.steps.size())
            details.steps = summary.steps[k];
        if (k < summary.knockout.size()) {
            const KnockoutResult& knockout = summary.knockout[k];
            details.noOwnUnits = knockout.units == 0;
            if (!details.noOwnUnits) {
                details.knockoutDrop = knockout.ownDrop;
                details.randomDrop = knockout.randomOwnDrop;
                details.randomDropStd = knockout.randomOwnDropStd;
            }
        }
        panel.setDetails(name, details);
    }
}

void ProjectFigures::fillKnockout(KnockoutView& view, const RunSummary& summary)
{
    QVector<KnockoutView::Concept> concepts;
    for (std::size_t c = 0; c < summary.knockout.size() && c < summary.concepts.size(); ++c) {
        const KnockoutResult& k = summary.knockout[c];
        concepts.push_back({qs(summary.classNames[c]), k.units, k.ownDrop, k.othersDrop, k.randomOwnDrop,
                            k.randomOwnDropStd, k.randomOthersDrop, k.randomOthersDropStd,
                            summary.concepts[c].pathAuroc, summary.concepts[c].originalAuroc});
    }
    const int initializations = summary.knockout.empty() ? 0 : summary.knockout.front().initializations;
    if (concepts.isEmpty())
        view.setTitle(tr("%1: no knockout test (evaluate the run again)").arg(qs(summary.modelName)));
    else if (initializations > 1)
        view.setTitle(tr("%1: knockout of each concept's own units, mean over %2 initializations")
                          .arg(qs(summary.modelName))
                          .arg(initializations));
    else
        view.setTitle(tr("%1: knockout of each concept's own units").arg(qs(summary.modelName)));
    view.setConcepts(concepts);
    view.setNote(warningNote(summary));
}

void ProjectFigures::fillUsage(BlockSeriesView& view, const std::vector<RunSummary>& summaries)
{
    QVector<BlockSeriesView::Series> series;
    for (const auto& s : summaries)
        series.push_back({qs(s.modelName), QVector<double>(s.usagePerBlock.begin(), s.usagePerBlock.end()), {}});
    view.setSeries(series, tr("unit usage"), 0.0, 1.0);
    view.setTitle(QString());  // the studio's view may still carry the "no evaluated run" hint
    view.setNote(wholeNetworkNote(summaries));
}

void ProjectFigures::fillInterpretability(InterpretabilityScatterView& view, const ProjectStore& project,
                                          const std::vector<RunSummary>& summaries)
{
    RunStore runs(project);
    QVector<InterpretabilityScatterView::Point> points;
    for (const auto& s : summaries) {
        const auto model = runs.model(s.modelName);
        points.push_back({qs(s.modelName), s.interpretabilityMean, s.interpretabilityStd,
                          model ? model->testAccuracy : 0.0, s.similarityVariance});
    }
    view.setPoints(points);
    view.setTitle(QString());
    view.setNote(wholeNetworkNote(summaries));
}

void ProjectFigures::fillSimilarity(SimilarityHeatmapView& view, const ProjectStore& project, const RunSummary& summary)
{
    RunStore runs(project);
    SimilarityHeatmapView::Data data;
    for (const auto& name : summary.classNames)
        data.names << qs(name);
    data.similarity.resize(int(summary.similarity.size()));
    for (std::size_t i = 0; i < summary.similarity.size(); ++i)
        data.similarity[int(i)] = QVector<double>(summary.similarity[i].begin(), summary.similarity[i].end());
    const auto model = runs.model(summary.modelName);
    if (model && model->datasetId) {
        const ConceptHierarchy hierarchy = project.hierarchy(model->datasetId);
        for (const auto& group : hierarchy.groups())
            data.groupNames << qs(group.primary);
        for (int g : hierarchy.groupIndexPerClass(summary.classNames))
            data.groups << g;
    }
    if (data.groups.isEmpty())
        data.groups.fill(-1, data.names.size());
    if (summary.similarity.size() >= 2)
        data.merges = ConceptClustering::averageLinkageOfSimilarity(summary.similarity);
    view.setTitle(qs(summary.modelName));
    view.setData(data);
    view.setNote(warningNote(summary));
}

QString ProjectFigures::overviewHeadline(const RunSummary& summary)
{
    double precision = 0, originalPrecision = 0, specificity = 0, originalSpecificity = 0, auroc = 0, originalAuroc = 0;
    int degenerate = 0;
    for (const auto& c : summary.concepts) {
        precision += c.pathPrecision;
        originalPrecision += c.originalPrecision;
        specificity += c.pathSpecificity;
        originalSpecificity += c.originalSpecificity;
        auroc += c.pathAuroc;
        originalAuroc += c.originalAuroc;
        degenerate += c.degenerate ? 1 : 0;
    }
    const double n = std::max<std::size_t>(1, summary.concepts.size());
    double usage = 0;
    for (double u : summary.usagePerBlock)
        usage += u / double(std::max<std::size_t>(1, summary.usagePerBlock.size()));
    QString text = tr("%1, run %2: %n concept(s)", nullptr, int(summary.concepts.size()))
                       .arg(qs(summary.modelName))
                       .arg(summary.runId);
    text += tr(" × %n initialization(s).", nullptr, summary.initializations);
    text += QLatin1Char(' ') + tr("Paths against the original network (mean over concepts): precision %1 (%2), "
                                  "specificity %3 (%4), AUROC %5 (%6); unit usage %7 per block.")
                                   .arg(precision / n, 0, 'f', 3)
                                   .arg(originalPrecision / n, 0, 'f', 3)
                                   .arg(specificity / n, 0, 'f', 3)
                                   .arg(originalSpecificity / n, 0, 'f', 3)
                                   .arg(auroc / n, 0, 'f', 3)
                                   .arg(originalAuroc / n, 0, 'f', 3)
                                   .arg(usage, 0, 'f', 2);
    if (degenerate > 0)
        text += QLatin1Char(' ') + tr("%n path(s) degenerate.", nullptr, degenerate);
    return text;
}

void ProjectFigures::fillOverview(RunOverviewView& view, const ProjectStore& project, const RunSummary& summary)
{
    view.setHeadline(overviewHeadline(summary));
    QStringList warnings;
    for (const auto& warning : summary.warnings())
        warnings << tr("Warning: %1").arg(qs(warning));
    view.setWarnings(warnings);
    fillSimilarity(*view.similarity(), project, summary);
    view.similarity()->setNote(QString());  // the warnings stand above both figures
    view.usage()->setSeries(
        {{qs(summary.modelName), QVector<double>(summary.usagePerBlock.begin(), summary.usagePerBlock.end()), {}}},
        tr("unit usage"), 0.0, 1.0);
    view.usage()->setTitle(tr("Unit usage per block (Fig. 4)"));
}

std::vector<std::int64_t> ProjectFigures::defaultCompositeConcepts(const ProjectStore& project,
                                                                   const RunContext& context,
                                                                   const std::vector<LearnedPath>& paths, int tiles)
{
    // Only concepts the run has paths for, in class order.
    std::set<std::int64_t> learned;
    for (const auto& path : paths)
        learned.insert(path.classIndex);
    std::vector<std::string> names;
    for (std::int64_t c : learned)
        names.push_back(context.classNames.at(std::size_t(c)));
    std::vector<std::int64_t> chosen;
    for (const auto& name : defaultCompositeConcepts(project.hierarchy(context.run.datasetId), names, tiles))
        chosen.push_back(context.classIndex(name));
    return chosen;
}

std::vector<std::string> ProjectFigures::defaultCompositeConcepts(const ConceptHierarchy& hierarchy,
                                                                  const std::vector<std::string>& learned, int tiles)
{
    // One per primary concept first, then in the given order.
    const auto groups = hierarchy.groupIndexPerClass(learned);
    std::vector<std::string> chosen;
    std::set<int> usedGroups;
    for (std::size_t c = 0; c < groups.size() && int(chosen.size()) < tiles; ++c)
        if (groups[c] >= 0 && usedGroups.insert(groups[c]).second)
            chosen.push_back(learned[c]);
    for (const auto& name : learned)
        if (int(chosen.size()) < tiles && std::find(chosen.begin(), chosen.end(), name) == chosen.end())
            chosen.push_back(name);
    return chosen;
}

void ProjectFigures::fillActivations(ActivationGridView& view, const RunContext& context, BlockNetwork& network,
                                     const std::vector<LearnedPath>& paths, const CompositeImage& composite,
                                     double topPercent)
{
    fillActivations(view, activationGrid(context, network, paths, composite), topPercent);
}

ActivationGridData ProjectFigures::activationGrid(const RunContext& context, BlockNetwork& network,
                                                  const std::vector<LearnedPath>& paths,
                                                  const CompositeImage& composite)
{
    ActivationGridData data;
    data.composite = composite;
    data.rows.push_back(
        {tr("original"), -1, ActivationMaps::compute(network, composite.image, 0, context.model.normalization), {}});
    for (int tile = 0; tile < composite.tileCount(); ++tile) {
        const std::int64_t concept = composite.tileConcepts[std::size_t(tile)];
        const QString name = qs(context.classNames.at(std::size_t(concept)));
        data.tileLabels << QStringLiteral("%1: %2").arg(tile + 1).arg(name);
        if (composite.tileOf(concept) != tile)
            continue;  // a concept shown twice gets one row
        const auto path =
            std::find_if(paths.begin(), paths.end(), [&](const LearnedPath& p) { return p.classIndex == concept; });
        if (path == paths.end())
            throw InvalidArgument("run " + std::to_string(context.run.id) + " has no path for concept '" +
                                  context.classNames.at(std::size_t(concept)) + "'");
        data.rows.push_back({name, tile,
                             ActivationMaps::compute(network, composite.image, 0, context.model.normalization,
                                                     PathEvaluator::masksOf(*path, network.device())),
                             path->usagePerBlock()});
    }
    for (const auto& block : network.blocks())
        data.blockNames << qs(block.name);
    return data;
}

void ProjectFigures::fillActivations(ActivationGridView& view, const ActivationGridData& data, double topPercent)
{
    view.setTopPercent(topPercent);
    view.setData(data.composite, QStringList{tr("tiles %1").arg(data.tileLabels.join(QStringLiteral(", ")))},
                 data.blockNames, data.rows);
}

bool ProjectFigures::fillTrainingCurves(TrainingCurvesView& view, const ProjectStore& project, std::int64_t runId)
{
    RunStore runs(project);
    const auto run = runs.run(runId);
    if (!run)
        return false;
    const auto points = runs.history(runId, run->datasetId);
    if (points.empty())
        return false;
    // The λ (or β) that weighs the sparsity term, as the run stored it.
    double lambda = 0;
    const auto hyper = nlohmann::json::parse(run->hyperparameters, nullptr, false);
    if (hyper.is_object() && hyper.contains("lambda") && hyper["lambda"].is_number())
        lambda = hyper["lambda"].get<double>();
    const int firstInit = points.front().initialization;
    std::map<int, std::vector<const HistoryPoint*>> byStep;
    for (const auto& p : points)
        if (p.initialization == firstInit)
            byStep[p.step].push_back(&p);
    QVector<double> steps, distance, sparsity, total, mean, low, high;
    for (const auto& [step, at] : byStep) {
        double d = 0, r = 0, u = 0, uMin = 1, uMax = 0;
        for (const HistoryPoint* p : at) {
            d += p->distanceLoss / double(at.size());
            r += lambda * p->sparsityLoss / double(at.size());
            u += p->usage / double(at.size());
            uMin = std::min(uMin, p->usage);
            uMax = std::max(uMax, p->usage);
        }
        steps << step;
        distance << d;
        sparsity << r;
        total << d + r;
        mean << u;
        low << uMin;
        high << uMax;
    }
    const bool paper = run->preset == "paper";
    const auto model = runs.model(run->modelId);
    view.setTitle(qs(model ? model->name : std::string()) +
                  tr(": learning, %1 concepts").arg(int(byStep.begin()->second.size())));
    view.setCurves(steps,
                   {{tr("distance"), distance},
                    {paper ? tr("λ·sparsity (λ %1)").arg(lambda) : tr("β·penalty (β %1)").arg(lambda), sparsity},
                    {tr("total"), total}},
                   mean, low, high);
    return true;
}

void ProjectFigures::fillFrontier(FrontierView& view, const std::vector<SweepRecord>& sweeps, const QString& modelName)
{
    QVector<FrontierView::Sweep> drawn;
    QStringList measured;
    for (const SweepRecord& record : sweeps) {
        FrontierView::Sweep sweep;
        sweep.label = qs(record.label);
        // Points in λ order, so each curve runs from dense to sparse.
        std::vector<SweepPoint> points = record.points;
        std::stable_sort(points.begin(), points.end(),
                         [](const SweepPoint& a, const SweepPoint& b) { return a.lambda < b.lambda; });
        for (const SweepPoint& p : points) {
            sweep.points.push_back({p.lambda, p.usage, p.pathPrecision, p.pathSpecificity, p.pathAuroc,
                                    p.knockoutCausal, p.concepts, p.faithful, p.specific});
            sweep.originalPrecision = p.originalPrecision;
            sweep.originalSpecificity = p.originalSpecificity;
            if (record.defaultLambda && std::abs(p.lambda - *record.defaultLambda) <= 1e-9 * std::max(1.0, p.lambda))
                sweep.defaultIndex = int(sweep.points.size()) - 1;
        }
        sweep.recommended = recommendedSweepPoint(points);
        drawn.push_back(sweep);
        // "paper (Eq. 4-9)" says itself; a named mix says what it stands for.
        const QString objective = qs(record.objective);
        const QString what =
            objective.startsWith(sweep.label) ? objective : sweep.label + QStringLiteral(" = ") + objective;
        measured << tr("%1: %n concept(s) × %2 initialization(s), %3 validation images", nullptr,
                       int(record.concepts.size()))
                        .arg(what)
                        .arg(record.initializations)
                        .arg(record.validationImages);
    }
    view.setSweeps(drawn);
    view.setTitle(tr("%1: usage against fidelity, λ swept").arg(modelName));
    view.setNote(measured.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                 tr("Recommended: the sparsest λ whose mean precision is within %1 points and specificity within %2 "
                    "points of the original network's, with no degenerate path.")
                     .arg(100 * SweepPoint::kFaithfulPoints)
                     .arg(100 * SweepPoint::kSpecificPoints));
}

void ProjectFigures::fillHitRate(BlockSeriesView& view, const HitRateStudy& study, const QString& modelName)
{
    view.setTitle(tr("%1: hit rate, %2 composites").arg(modelName).arg(study.composites));
    view.setReferenceLine(study.chance, tr("chance"));
    view.setSeries({{tr("concept's path (mean ± std)"), QVector<double>(study.pathMean.begin(), study.pathMean.end()),
                     QVector<double>(study.pathStd.begin(), study.pathStd.end())}},
                   tr("hit rate (top %1 % on own tile)").arg(study.topPercent, 0, 'g', 3), 0.0, 1.0);
}

std::vector<WrittenFigure> ProjectFigures::exportAll(ProjectStore& project, const FigureRequest& request,
                                                     const Progress& progress, const std::atomic<bool>* cancel)
{
    const auto all = summaries(project);
    const SweepStore sweeps(project);
    const auto sweptModels = sweeps.models();
    if (all.empty() && sweptModels.empty())
        throw InvalidArgument("project '" + project.path() +
                              "' has no evaluated run and no sweep (run `nad disentangle` and `nad evaluate`, or "
                              "`nad sweep --project`, first)");
    if (!QDir().mkpath(request.outputDirectory))
        throw Error("cannot create the folder '" + request.outputDirectory.toStdString() + "'");
    const QString extension = request.options.format;
    std::vector<WrittenFigure> written;
    const auto save = [&](FigureView& view, const QString& name) {
        if (cancel && cancel->load())
            throw Error("figure export cancelled");
        const QString path = QDir(request.outputDirectory).filePath(name + QLatin1Char('.') + extension);
        const QStringList files = FigureExporter::exportFigure(view, path, request.options);
        const QSizeF size = request.options.sizeMm.isEmpty() ? view.defaultSizeMm() : request.options.sizeMm;
        if (!project.isReadOnly())
            project.logExport(name.toStdString(), files[0].toStdString(), extension.toStdString(), size.width(),
                              size.height(), extension == QLatin1String("png") ? request.options.dpi : 0);
        written.push_back({name, files[0], files[1]});
        if (progress)
            progress(files[0]);
    };

    for (const std::string& model : sweptModels) {
        FrontierView frontier;
        fillFrontier(frontier, sweeps.list(model), qs(model));
        save(frontier, qs(model) + QStringLiteral("-frontier"));
    }
    if (all.empty())
        return written;
    std::unique_ptr<ImageSource> heldOut;  // read as composites need it
    std::string heldOutPath;
    BlockSeriesView usage(QStringLiteral("unit-usage"));
    fillUsage(usage, all);
    save(usage, QStringLiteral("unit-usage"));
    InterpretabilityScatterView scatter;
    fillInterpretability(scatter, project, all);
    save(scatter, QStringLiteral("interpretability-accuracy"));
    for (const auto& summary : all) {
        const QString model = qs(summary.modelName);
        PrecisionHistogramView precision;
        fillPrecision(precision, summary);
        save(precision, model + QStringLiteral("-precision-histogram"));
        if (!summary.knockout.empty()) {
            KnockoutView knockout;
            fillKnockout(knockout, summary);
            save(knockout, model + QStringLiteral("-knockout"));
        }
        if (summary.concepts.size() >= 2) {
            SimilarityHeatmapView heatmap;
            fillSimilarity(heatmap, project, summary);
            save(heatmap, model + QStringLiteral("-similarity-heatmap"));
        }
        TrainingCurvesView curves;
        if (fillTrainingCurves(curves, project, summary.runId))
            save(curves, model + QStringLiteral("-training-curves"));
        if (!request.activationFigures)
            continue;
        const RunContext context = RunContext::open(project, summary.runId, request.zooDirectory);
        const auto network = context.loadNetwork();
        // Every model of a project shares its data set: open the held-out split once.
        if (heldOutPath != context.dataset.path) {
            heldOut = context.heldOutSource();
            heldOutPath = context.dataset.path;
        }
        const auto byInit = context.finalPaths(project);
        const auto& paths = byInit.begin()->second;  // the first initialization's
        const int tiles = request.hitRate.rows * request.hitRate.cols;
        std::vector<std::int64_t> concepts;
        for (const auto& name : request.activationConcepts)
            concepts.push_back(context.classIndex(name));
        if (concepts.empty())
            concepts = defaultCompositeConcepts(project, context, paths, tiles);
        if (int(concepts.size()) == tiles) {
            const auto composite = CompositeBuilder::fromHeldOut(*heldOut, concepts, request.hitRate.rows,
                                                                 request.hitRate.cols, request.hitRate.seed);
            ActivationGridView grid;
            fillActivations(grid, context, *network, paths, composite, request.hitRate.topPercent);
            save(grid, model + QStringLiteral("-activation-grid"));
        }
        if (int(paths.size()) >= tiles) {
            const auto study = ActivationMaps::hitRates(*network, *heldOut, context.model.normalization, paths,
                                                        request.hitRate, {}, cancel);
            BlockSeriesView hitRate(QStringLiteral("hit-rate"));
            fillHitRate(hitRate, study, model);
            save(hitRate, model + QStringLiteral("-hit-rate"));
        }
    }
    return written;
}

}  // namespace nad
