#include "ExplorationTabs.h"

#include "ActivationBrowser.h"
#include "ActivationController.h"
#include "ClassBalanceChart.h"
#include "FrontierPanel.h"
#include "ProjectFigures.h"
#include "QtText.h"
#include "RunListModel.h"
#include "RunOverviewView.h"
#include "StoredRunPaths.h"
#include "UnitExplorerPresenter.h"
#include "UnitExplorerView.h"
#include "analysis/PathMetrics.h"
#include "figures/BlockSeriesView.h"
#include "figures/FrontierView.h"
#include "figures/InterpretabilityScatterView.h"
#include "figures/KnockoutView.h"
#include "figures/PathComparisonView.h"
#include "figures/PathFlowView.h"
#include "figures/PrecisionHistogramView.h"
#include "figures/SimilarityHeatmapView.h"
#include "figures/TrainingCurvesView.h"
#include "figures/UnitProfileView.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QVBoxLayout>

namespace nad {

ExplorationTabs::ExplorationTabs(QWidget* parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("explorationTabs"));
    setDocumentMode(true);
    createViews();

    auto* corner = new QWidget(this);
    auto* cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(4, 0, 4, 0);
    auto* runLabel = new QLabel(tr("Run:"), corner);
    m_runSelector = new QComboBox(corner);
    m_runSelector->setObjectName(QStringLiteral("runSelector"));
    m_runs = new RunListModel(this);
    m_runSelector->setModel(m_runs);
    m_runSelector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_runSelector->setToolTip(tr("The evaluated run the overview, path and unit views show"));
    runLabel->setBuddy(m_runSelector);
    cornerLayout->addWidget(runLabel);
    cornerLayout->addWidget(m_runSelector);
    setCornerWidget(corner, Qt::TopRightCorner);

    m_activationJob = new ActivationController(this);
    m_unitPresenter = new UnitExplorerPresenter(m_unitExplorer, this);
    connectViews();
    clearViews();
}

QTabWidget* ExplorationTabs::addGroup(const QString& title)
{
    auto* group = new QTabWidget(this);
    group->setDocumentMode(true);
    group->setObjectName(QStringLiteral("viewGroup%1").arg(count()));
    addTab(group, title);
    return group;
}

QWidget* ExplorationTabs::addPage(QTabWidget* group, QWidget* view, FigureView* figure, const QString& title,
                                  const QString& explanation, QWidget* controls)
{
    auto* page = new QWidget(group ? static_cast<QWidget*>(group) : this);
    page->setObjectName(QStringLiteral("page%1").arg(m_pages.size()));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 0);
    if (!explanation.isEmpty()) {
        auto* line = new QLabel(explanation, page);
        line->setObjectName(QStringLiteral("viewExplanation"));
        line->setWordWrap(true);
        line->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); }"));
        layout->addWidget(line);
    }
    if (controls)
        layout->addWidget(controls);
    layout->addWidget(view, 1);
    if (group)
        group->addTab(page, title);
    else
        addTab(page, title);
    if (figure) {
        // Right click on any figure: save it (the same dialog as File › Save Figure As…).
        figure->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(figure, &QWidget::customContextMenuRequested, this, [this, figure](const QPoint& at) {
            QMenu menu;
            menu.addAction(tr("Save figure…"), this, [this, figure] { Q_EMIT saveFigureRequested(figure); });
            menu.exec(figure->mapToGlobal(at));
        });
    }
    m_pages.push_back({page, view, figure, group ? tabText(indexOf(group)) + QStringLiteral(" › ") + title : title});
    return page;
}

void ExplorationTabs::createViews()
{
    m_overview = new RunOverviewView(this);
    addPage(nullptr, m_overview, m_overview->similarity(), tr("Overview"),
            tr("The selected run at a glance: its paths against the original network, what to check before "
               "trusting them, the path similarity with its dendrogram (Fig. 7) and the unit usage (Fig. 4)."));
    m_classBalance = new ClassBalanceChart(this);
    addPage(nullptr, m_classBalance, m_classBalance, tr("Data set"),
            tr("Images per class in each split of the data set: paths are learned on the training split and "
               "evaluated on the held-out one."));
    m_trainingCurves = new TrainingCurvesView(this);
    addPage(nullptr, m_trainingCurves, m_trainingCurves, tr("Training"),
            tr("Loss terms and unit usage along learning, per concept: flat tails mean the paths have settled."));

    QTabWidget* paths = addGroup(tr("Paths"));
    m_precision = new PrecisionHistogramView(this);
    addPage(paths, m_precision, m_precision, tr("Precision"),
            tr("Fig. 3: concepts per precision bin, with and without their paths. Precision only looks at the "
               "concept's own images; read it with the specificity and AUROC of the overview."));
    m_knockout = new KnockoutView(this);
    addPage(paths, m_knockout, m_knockout, tr("Knockout"),
            tr("Causal test: accuracy lost when each concept's own units are switched off, against as many random "
               "units. A real path costs its concept far more than the random control does."));
    m_similarity = new SimilarityHeatmapView(this);
    m_similarity->setToolTip(tr("Click a cell to compare the two concepts' paths block by block"));
    addPage(paths, m_similarity, m_similarity, tr("Similarity"),
            tr("Fig. 7: path similarity M (Eq. 11) of every pair of concepts, ordered by average linkage. Click a "
               "cell to compare the two paths."));
    m_comparison = new PathComparisonView(this);
    addPage(paths, m_comparison, m_comparison, tr("Comparison"),
            tr("Two concepts' paths block by block: the Jaccard index per block (Eq. 10) and the units each path "
               "keeps. Click a block to explore its units."));
    m_pathFlow = new PathFlowView(this);
    auto* flowControls = new QWidget(this);
    auto* flowLayout = new QHBoxLayout(flowControls);
    flowLayout->setContentsMargins(0, 0, 0, 0);
    m_flowConcepts = new QComboBox(flowControls);
    m_flowConcepts->setObjectName(QStringLiteral("pathFlowConcepts"));
    auto* flowLabel = new QLabel(tr("&Concepts:"), flowControls);
    flowLabel->setBuddy(m_flowConcepts);
    flowLayout->addWidget(flowLabel);
    flowLayout->addWidget(m_flowConcepts);
    flowLayout->addStretch(1);
    addPage(paths, m_pathFlow, m_pathFlow, tr("Flow"),
            tr("Per block, the units the chosen concepts' paths share (first initialization): kept by all, by "
               "some, by one only, by none. Click a block to explore its units."),
            flowControls);
    m_frontier = new FrontierPanel(this);
    addPage(paths, m_frontier, m_frontier->view(), tr("Frontier"),
            tr("λ sweeps stored in the project: unit usage against specificity and precision per λ, measured on "
               "validation images. Sparser paths are worth having only while the curves stay near the original "
               "network's lines."));

    QTabWidget* units = addGroup(tr("Units"));
    m_activations = new ActivationBrowser(this);
    addPage(units, m_activations, m_activations->gridView(), tr("Activations"),
            tr("Fig. 1 and 5: a composite image's activation map at every block, for the original network and "
               "under each tile's concept path. A specific path lights up its own tile. Double-click a block's "
               "column to explore its units."));
    m_unitExplorer = new UnitExplorerView(this);
    addPage(units, m_unitExplorer, m_unitExplorer->profileView(), tr("Unit explorer"), QString());

    QTabWidget* models = addGroup(tr("Across models"));
    m_usage = new BlockSeriesView(QStringLiteral("unit-usage"), this);
    addPage(models, m_usage, m_usage, tr("Unit usage"),
            tr("Fig. 4: the share of each block's units the paths keep, per model. Near 1 the path is the "
               "original network there."));
    m_interpretability = new InterpretabilityScatterView(this);
    addPage(models, m_interpretability, m_interpretability, tr("Interpretability"),
            tr("Fig. 6: interpretability I (Eq. 12) against accuracy, per model; Var(M) beside it does not mix "
               "accuracy in."));
}

void ExplorationTabs::connectViews()
{
    connect(m_runSelector, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExplorationTabs::showSelectedRun);
    const auto compare = [this](int row, int column) {
        compareConcepts(row, column);
        showView(m_comparison);
    };
    connect(m_similarity, &SimilarityHeatmapView::cellClicked, this, compare);
    connect(m_overview, &RunOverviewView::conceptPairClicked, this, compare);
    connect(m_comparison, &PathComparisonView::blockClicked, this, [this](int block) { openUnitExplorer(block); });
    connect(m_pathFlow, &PathFlowView::blockClicked, this, [this](int block) { openUnitExplorer(block); });
    connect(m_activations, &ActivationBrowser::blockDoubleClicked, this,
            [this](int block) { openUnitExplorer(block); });
    connect(m_flowConcepts, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExplorationTabs::showPathFlow);
    connect(m_unitPresenter, &UnitExplorerPresenter::errorOccurred, this, &ExplorationTabs::errorOccurred);
    connect(m_frontier, &FrontierPanel::errorOccurred, this, &ExplorationTabs::errorOccurred);
    connect(m_frontier, &FrontierPanel::statusMessage, this, &ExplorationTabs::statusMessage);
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
}

QList<QWidget*> ExplorationTabs::viewPages() const
{
    QList<QWidget*> pages;
    for (const Page& page : m_pages)
        pages << page.page;
    return pages;
}

QString ExplorationTabs::viewTitle(QWidget* page) const
{
    for (const Page& p : m_pages)
        if (p.page == page)
            return p.title;
    return {};
}

void ExplorationTabs::showView(QWidget* view)
{
    for (const Page& p : m_pages) {
        if (p.page != view && p.view != view && p.figure != view)
            continue;
        auto* group =
            qobject_cast<QTabWidget*>(p.page->parentWidget() ? p.page->parentWidget()->parentWidget() : nullptr);
        if (group && group != this) {
            group->setCurrentWidget(p.page);
            setCurrentWidget(group);
        } else {
            setCurrentWidget(p.page);
        }
        return;
    }
}

void ExplorationTabs::addViewActions(QMenu* menu)
{
    for (int i = 0; i < m_pages.size(); ++i) {
        QWidget* page = m_pages[i].page;
        QAction* action = menu->addAction(m_pages[i].title, this, [this, page] { showView(page); });
        action->setObjectName(QStringLiteral("viewAction%1").arg(i));
        if (i < 18)
            action->setShortcut(i < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i))
                                      : QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i - 9)));
    }
}

QWidget* ExplorationTabs::currentPage() const
{
    auto* group = qobject_cast<QTabWidget*>(currentWidget());
    return group ? group->currentWidget() : currentWidget();
}

FigureView* ExplorationTabs::figureOf(QWidget* page) const
{
    for (const Page& p : m_pages)
        if (p.page == page)
            return p.figure;
    return nullptr;
}

ExplorationTabs::~ExplorationTabs() = default;

void ExplorationTabs::setProject(const ProjectStore* project, const QString& zooDirectory)
{
    m_project = project;
    m_zooDirectory = zooDirectory;
    m_lastTiles.clear();
    m_frontier->setProject(project, zooDirectory);
    refresh();
    // A project with evaluated runs opens on the latest one's overview.
    qint64 latest = 0;
    for (const auto& summary : m_summaries)
        latest = std::max<qint64>(latest, summary.runId);
    if (latest > 0) {
        selectRun(latest);
        showView(m_overview);
    }
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
    m_overview->setHeadline(hint);
    m_overview->setWarnings({});
    m_overview->similarity()->setData({});
    m_overview->similarity()->setTitle(QString());
    m_overview->usage()->setSeries({}, tr("unit usage"));
    m_pathFlow->clear();
    {
        QSignalBlocker blocker(m_flowConcepts);
        m_flowConcepts->clear();
    }
    m_runPaths = StoredRunPaths();
    m_unitPresenter->setRun(nullptr, 0, m_zooDirectory, m_runPaths);
    if (!m_live)
        m_trainingCurves->setCurves({}, {}, {}, {}, {});
}

void ExplorationTabs::refresh()
{
    const qint64 keep = selectedRun();
    m_frontier->refresh();  // sweeps are stored by `nad sweep` at any time
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
    m_frontier->showModel(qs(summary.modelName));
    m_runPaths = StoredRunPaths();  // nothing stale if the reading fails
    try {
        m_runPaths = StoredRunPaths::load(*m_project, summary.runId);
        ProjectFigures::fillOverview(*m_overview, *m_project, summary);
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
    fillPathFlowConcepts();
    m_unitPresenter->setRun(m_project, summary.runId, m_zooDirectory, m_runPaths);
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
    const QString a = qs(summary.classNames[std::size_t(first)]);
    const QString b = qs(summary.classNames[std::size_t(second)]);
    m_comparison->setPaths(a, b, m_runPaths.blockNames, m_runPaths.firstInitialization(a),
                           m_runPaths.firstInitialization(b));
}

void ExplorationTabs::openUnitExplorer(int block, int unit)
{
    showView(m_unitExplorer);
    m_unitPresenter->openBlock(block, unit);
}

void ExplorationTabs::fillPathFlowConcepts()
{
    const int index = m_runSelector->currentIndex();
    if (!m_project || index < 0 || std::size_t(index) >= m_summaries.size())
        return;
    const RunSummary& summary = m_summaries[std::size_t(index)];
    QSignalBlocker blocker(m_flowConcepts);
    const QString keep = m_flowConcepts->currentText();
    m_flowConcepts->clear();
    QStringList all;
    for (const auto& name : summary.classNames)
        all << qs(name);
    m_flowConcepts->addItem(tr("All %n concept(s)", nullptr, all.size()), all);
    QStringList checked;
    for (const QString& name : m_checkedConcepts)
        if (all.contains(name))
            checked << name;
    if (checked.size() >= 2 && checked.size() < all.size())
        m_flowConcepts->addItem(tr("Checked in the concept panel: %1").arg(checked.join(QStringLiteral(", "))),
                                checked);
    try {
        const auto run = RunStore(*m_project).run(summary.runId);
        const ConceptHierarchy hierarchy = m_project->hierarchy(run ? run->datasetId : 0);
        for (const auto& group : hierarchy.groups()) {
            QStringList members;
            for (const auto& member : group.members)
                if (all.contains(qs(member)))
                    members << qs(member);
            if (members.size() >= 2)
                m_flowConcepts->addItem(
                    QStringLiteral("%1: %2").arg(qs(group.primary), members.join(QStringLiteral(", "))), members);
        }
    } catch (const std::exception&) {
        // No hierarchy: "all concepts" only.
    }
    const int kept = m_flowConcepts->findText(keep);
    m_flowConcepts->setCurrentIndex(kept >= 0 ? kept : 0);
    showPathFlow();
}

void ExplorationTabs::setCheckedConcepts(const QStringList& names)
{
    m_frontier->setCheckedConcepts(names);
    if (names == m_checkedConcepts)
        return;
    m_checkedConcepts = names;
    fillPathFlowConcepts();
}

void ExplorationTabs::showPathFlow()
{
    const int index = m_runSelector->currentIndex();
    if (!m_project || index < 0 || std::size_t(index) >= m_summaries.size())
        return;
    const QStringList chosen = m_flowConcepts->currentData().toStringList();
    QStringList names;
    QVector<QVector<QVector<bool>>> paths;
    for (const QString& name : chosen)
        if (m_runPaths.byConcept.contains(name)) {
            names << name;
            paths << m_runPaths.firstInitialization(name);
        }
    m_pathFlow->setPaths(names, m_runPaths.blockNames, paths);
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
    return figureOf(currentPage());
}

}  // namespace nad
