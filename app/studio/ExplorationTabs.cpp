#include "ExplorationTabs.h"

#include "ActivationBrowser.h"
#include "ActivationController.h"
#include "ClassBalanceChart.h"
#include "ProjectFigures.h"
#include "QtText.h"
#include "RunListModel.h"
#include "analysis/PathMetrics.h"
#include "figures/BlockSeriesView.h"
#include "figures/InterpretabilityScatterView.h"
#include "figures/KnockoutView.h"
#include "figures/PathComparisonView.h"
#include "figures/PrecisionHistogramView.h"
#include "figures/SimilarityHeatmapView.h"
#include "figures/TrainingCurvesView.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>

namespace nad {

ExplorationTabs::ExplorationTabs(QWidget* parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("explorationTabs"));
    setDocumentMode(true);
    m_classBalance = new ClassBalanceChart(this);
    addTab(m_classBalance, tr("Data set"));
    m_trainingCurves = new TrainingCurvesView(this);
    addTab(m_trainingCurves, tr("Training"));
    m_precision = new PrecisionHistogramView(this);
    addTab(m_precision, tr("Precision"));
    m_knockout = new KnockoutView(this);
    m_knockout->setToolTip(tr("Accuracy lost when each concept's own units are switched off, against as many "
                              "random units (the control)"));
    addTab(m_knockout, tr("Knockout"));
    m_usage = new BlockSeriesView(QStringLiteral("unit-usage"), this);
    addTab(m_usage, tr("Unit usage"));
    m_similarity = new SimilarityHeatmapView(this);
    m_similarity->setToolTip(tr("Click a cell to compare the two concepts' paths block by block"));
    addTab(m_similarity, tr("Similarity"));
    m_comparison = new PathComparisonView(this);
    addTab(m_comparison, tr("Path comparison"));
    m_interpretability = new InterpretabilityScatterView(this);
    addTab(m_interpretability, tr("Interpretability"));
    m_activations = new ActivationBrowser(this);
    addTab(m_activations, tr("Activations"));
    for (int i = 0; i < count(); ++i)
        widget(i)->setObjectName(QStringLiteral("tab%1").arg(i));

    auto* corner = new QWidget(this);
    auto* cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(4, 0, 4, 0);
    auto* runLabel = new QLabel(tr("Run:"), corner);
    m_runSelector = new QComboBox(corner);
    m_runSelector->setObjectName(QStringLiteral("runSelector"));
    m_runs = new RunListModel(this);
    m_runSelector->setModel(m_runs);
    m_runSelector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_runSelector->setToolTip(tr("The evaluated run the precision, similarity, comparison and activation views show"));
    runLabel->setBuddy(m_runSelector);
    cornerLayout->addWidget(runLabel);
    cornerLayout->addWidget(m_runSelector);
    setCornerWidget(corner, Qt::TopRightCorner);

    m_activationJob = new ActivationController(this);
    connect(m_runSelector, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExplorationTabs::showSelectedRun);
    connect(m_similarity, &SimilarityHeatmapView::cellClicked, this, [this](int row, int column) {
        compareConcepts(row, column);
        setCurrentWidget(m_comparison);
    });
    connect(m_activations, &ActivationBrowser::compositeRequested, this,
            [this](const QVector<QString>& tiles, const QString& layout) { requestActivations(tiles, layout); });
    connect(m_activations, &ActivationBrowser::filesDropped, this,
            [this](const QStringList& files) { requestActivations(m_lastTiles, m_lastLayout, files); });
    connect(m_activationJob, &ActivationController::resultAvailable, this, &ExplorationTabs::showActivations);
    const auto startPending = [this] {
        if (!m_pendingActivation)
            return;
        const ActivationRequest next = *m_pendingActivation;
        m_pendingActivation.reset();
        m_activationJob->start(next);
    };
    connect(m_activationJob, &BackgroundJob::finished, this, startPending);
    connect(m_activationJob, &BackgroundJob::failed, this, startPending);
    connect(m_activationJob, &BackgroundJob::failed, this, [this](const QString& message) {
        Q_EMIT errorOccurred(tr("Cannot compute the activation maps"), message);
    });
    clearViews();
}

ExplorationTabs::~ExplorationTabs() = default;

void ExplorationTabs::setProject(const ProjectStore* project, const QString& zooDirectory)
{
    m_project = project;
    m_zooDirectory = zooDirectory;
    m_lastTiles.clear();
    refresh();
}

void ExplorationTabs::clearViews()
{
    const QString hint = tr("No evaluated run yet: learn paths in the training panel");
    m_precision->setPrecisions({}, {});
    m_precision->setTitle(hint);
    m_knockout->setConcepts({});
    m_knockout->setTitle(hint);
    m_knockout->setNote(QString());
    m_usage->setSeries({}, tr("unit usage"));
    m_usage->setTitle(hint);
    m_similarity->setData({});
    m_similarity->setTitle(hint);
    m_comparison->setTitle(tr("Click a cell of the similarity heat map to compare two paths"));
    m_interpretability->setPoints({});
    m_interpretability->setTitle(hint);
    if (!m_live)
        m_trainingCurves->setCurves({}, {}, {}, {}, {});
}

void ExplorationTabs::refresh()
{
    const qint64 keep = selectedRun();
    {
        QSignalBlocker blocker(m_runSelector);
        listRuns();
    }
    m_runSelector->setEnabled(!m_summaries.empty());
    if (m_summaries.empty()) {
        clearViews();
        return;
    }
    try {
        ProjectFigures::fillUsage(*m_usage, m_summaries);
        ProjectFigures::fillInterpretability(*m_interpretability, *m_project, m_summaries);
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(tr("Cannot show the project's metrics"), qs(e.what()));
    }
    const int index = m_runs->rowOf(keep);
    m_runSelector->setCurrentIndex(index >= 0 ? index : 0);
    showSelectedRun();
}

void ExplorationTabs::listRuns()
{
    m_summaries.clear();
    if (!m_project) {
        m_runs->clear();
        return;
    }
    try {
        // The store picks each model's run (its latest finished run with metrics); RunListModel
        // decides how the selector lists them.
        const RunStore store(*m_project);
        m_runs->setRuns(store.models(), store.runs(), store.latestEvaluatedRuns());
        for (int row = 0; row < m_runs->rowCount(); ++row)
            m_summaries.push_back(RunEvaluation::load(*m_project, m_runs->runId(row)));
    } catch (const std::exception& e) {
        m_summaries.clear();
        m_runs->clear();
        Q_EMIT errorOccurred(tr("Cannot read the project's runs"), qs(e.what()));
    }
}

void ExplorationTabs::selectRun(qint64 runId)
{
    const int index = m_runs->rowOf(runId);
    if (index >= 0)
        m_runSelector->setCurrentIndex(index);
}

qint64 ExplorationTabs::selectedRun() const
{
    return m_runs->runId(m_runSelector->currentIndex());
}

void ExplorationTabs::setLiveTraining(bool live)
{
    m_live = live;
    if (!live)
        showSelectedRun();
}

void ExplorationTabs::showSelectedRun()
{
    const int index = m_runSelector->currentIndex();
    if (!m_project || index < 0 || std::size_t(index) >= m_summaries.size())
        return;
    const RunSummary& summary = m_summaries[std::size_t(index)];
    Q_EMIT selectedRunChanged(summary.runId, qs(summary.modelName));
    try {
        ProjectFigures::fillPrecision(*m_precision, summary);
        ProjectFigures::fillKnockout(*m_knockout, summary);
        ProjectFigures::fillSimilarity(*m_similarity, *m_project, summary);
        if (!m_live && !ProjectFigures::fillTrainingCurves(*m_trainingCurves, *m_project, summary.runId))
            m_trainingCurves->setTitle(
                tr("Run %1 has no training history (learned before schema v2)").arg(summary.runId));
        if (summary.classNames.size() >= 2)
            compareConcepts(int(summary.leafOrder.empty() ? 0 : summary.leafOrder[0]),
                            int(summary.leafOrder.size() > 1 ? summary.leafOrder[1] : 1));
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(tr("Cannot show run %1").arg(summary.runId), qs(e.what()));
        return;
    }
    QStringList names;
    for (const auto& name : summary.classNames)
        names << qs(name);
    m_activations->setConceptNames(names);
    // A first composite: one concept per primary concept, as the exported figure shows
    // (2 × 2, or 1 × 2 for a run of two or three concepts).
    const bool lastFits = !m_lastTiles.isEmpty() && std::all_of(m_lastTiles.begin(), m_lastTiles.end(),
                                                                [&](const QString& n) { return names.contains(n); });
    if (names.size() >= 2 && !lastFits) {
        const int tiles = names.size() >= 4 ? 4 : 2;
        const QString layout = tiles == 4 ? QStringLiteral("2x2") : QStringLiteral("1x2");
        QVector<QString> chosen;
        try {
            const auto run = RunStore(*m_project).run(summary.runId);
            for (const auto& name : ProjectFigures::defaultCompositeConcepts(
                     m_project->hierarchy(run ? run->datasetId : 0), summary.classNames, tiles))
                chosen << qs(name);
        } catch (const std::exception&) {
            chosen = QVector<QString>(names.begin(), names.begin() + tiles);
        }
        m_activations->setCompositeLayout(layout);
        m_activations->setConceptPerTile(chosen);
        requestActivations(chosen, layout);
    } else if (lastFits) {
        requestActivations(m_lastTiles, m_lastLayout);
    }
}

void ExplorationTabs::compareConcepts(int first, int second)
{
    const int index = m_runSelector->currentIndex();
    if (!m_project || index < 0 || std::size_t(index) >= m_summaries.size())
        return;
    const RunSummary& summary = m_summaries[std::size_t(index)];
    if (first < 0 || second < 0 || std::size_t(std::max(first, second)) >= summary.classNames.size())
        return;
    try {
        RunStore runs(*m_project);
        const auto run = runs.run(summary.runId);
        const auto model = run ? runs.model(run->modelId) : std::nullopt;
        if (!run || !model)
            return;
        std::map<std::string, int> classIndex;
        for (const auto& concept : m_project->concepts(run->datasetId))
            classIndex[concept.name] = concept.classIndex;
        const int a = classIndex.at(summary.classNames[std::size_t(first)]);
        const int b = classIndex.at(summary.classNames[std::size_t(second)]);
        QVector<QVector<bool>> pathA, pathB;
        for (const auto& path : runs.paths(summary.runId, run->datasetId, true)) {
            if (path.initialization != 0 || (path.classIndex != a && path.classIndex != b))
                continue;
            QVector<QVector<bool>> blocks;
            for (const auto& block : path.binary)
                blocks << QVector<bool>(block.begin(), block.end());
            (path.classIndex == a ? pathA : pathB) = blocks;
            if (a == b)
                pathB = blocks;
        }
        QStringList blockNames;
        for (const auto& block : model->blocks)
            blockNames << qs(block.first);
        m_comparison->setPaths(qs(summary.classNames[std::size_t(first)]), qs(summary.classNames[std::size_t(second)]),
                               blockNames, pathA, pathB);
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(tr("Cannot compare the paths"), qs(e.what()));
    }
}

void ExplorationTabs::requestActivations(const QVector<QString>& conceptPerTile, const QString& layout,
                                         const QStringList& files)
{
    if (!m_project || m_summaries.empty() || conceptPerTile.isEmpty())
        return;
    m_lastTiles = conceptPerTile;
    m_lastLayout = layout;
    ActivationRequest request;
    request.projectPath = m_project->path();
    request.runId = selectedRun();
    request.zooDirectory = m_zooDirectory.toStdString();
    for (const QString& name : conceptPerTile)
        request.tileConcepts.push_back(name.toStdString());
    try {
        std::tie(request.rows, request.cols) = CompositeBuilder::parseLayout(layout.toStdString());
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(tr("Cannot build the composite"), qs(e.what()));
        return;
    }
    for (const QString& file : files)
        request.files.push_back(file.toStdString());
    if (m_activationJob->isRunning()) {
        m_pendingActivation = request;  // one computation at a time; the newest request wins
        return;
    }
    m_activationJob->start(request);
    Q_EMIT statusMessage(tr("Computing activation maps…"));
}

void ExplorationTabs::showActivations(const ActivationGridData& data)
{
    m_activations->setData(data.composite, data.tileLabels, data.blockNames, data.rows);
    Q_EMIT statusMessage(tr("Activation maps of %n block(s)", nullptr, int(data.blockNames.size())));
}

FigureView* ExplorationTabs::currentFigure() const
{
    if (currentWidget() == m_activations)
        return m_activations->gridView();
    return qobject_cast<FigureView*>(currentWidget());
}

}  // namespace nad
