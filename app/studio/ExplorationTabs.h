#pragma once

#include "ActivationController.h"
#include "StoredRunPaths.h"
#include "nad/RunEvaluation.h"

#include <QString>
#include <QStringList>
#include <QTabWidget>
#include <QVector>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QMenu;

namespace nad {

class ActivationBrowser;
class BlockSeriesView;
class ClassBalanceChart;
class FigureView;
class FrontierPanel;
class InterpretabilityScatterView;
class KnockoutView;
class PathComparisonView;
class PathFlowView;
class RunOverviewView;
class UnitExplorerPresenter;
class UnitExplorerView;
class PrecisionHistogramView;
class ProjectStore;
class RunListModel;
class SimilarityHeatmapView;
class TrainingCurvesView;

// The central views, grouped so no tab bar overflows: the run's overview, the data set, the
// training curves, the paths (precision, knockout, similarity, comparison, flow, the λ frontier), the units
// (activation maps, unit explorer) and the views across models (usage, interpretability). Each
// view sits on a page under a one-line explanation of what it shows and how to read it. A run
// selector in the corner picks the run the per-run views show.
class ExplorationTabs : public QTabWidget
{
    Q_OBJECT
public:
    explicit ExplorationTabs(QWidget* parent = nullptr);
    ~ExplorationTabs() override;

    // Shows `project` (not owned; null clears). `zooDirectory` holds the zoo models the
    // activation browser needs.
    void setProject(const ProjectStore* project, const QString& zooDirectory);
    // Re-reads the evaluated runs (after a training job stored new metrics).
    void refresh();
    // Selects the evaluated run `runId` in the run selector, if present.
    void selectRun(qint64 runId);
    qint64 selectedRun() const;

    // Every view's page, groups flattened, in order (the View menu and screenshots walk them).
    QList<QWidget*> viewPages() const;
    // "Group › view" for a page of viewPages().
    QString viewTitle(QWidget* page) const;
    // Brings `view` (a view or its page) to the front: its group, then its page.
    void showView(QWidget* view);
    // One action per view in `menu`, with the shortcuts Ctrl+1 … Ctrl+9, then Alt+1 … (Ctrl+Shift+digit is a symbol on
    // many layouts).
    void addViewActions(QMenu* menu);
    // The page in front (inside the current group).
    QWidget* currentPage() const;
    // The figure of the current page (the activation browser gives its grid, the unit explorer
    // its profile, the overview its similarity), or null.
    FigureView* currentFigure() const;
    // The figure a view page draws (null for a page without one).
    FigureView* figureOf(QWidget* page) const;
    // While a job trains, the training tab shows its live curves instead of the selected run's.
    void setLiveTraining(bool live);

    ClassBalanceChart* classBalance() const { return m_classBalance; }
    TrainingCurvesView* trainingCurves() const { return m_trainingCurves; }
    PrecisionHistogramView* precision() const { return m_precision; }
    BlockSeriesView* usage() const { return m_usage; }
    SimilarityHeatmapView* similarity() const { return m_similarity; }
    PathComparisonView* comparison() const { return m_comparison; }
    InterpretabilityScatterView* interpretability() const { return m_interpretability; }
    KnockoutView* knockout() const { return m_knockout; }
    ActivationBrowser* activations() const { return m_activations; }
    ActivationController* activationJob() const { return m_activationJob; }
    RunOverviewView* overview() const { return m_overview; }
    PathFlowView* pathFlow() const { return m_pathFlow; }
    FrontierPanel* frontier() const { return m_frontier; }
    QComboBox* pathFlowConcepts() const { return m_flowConcepts; }
    UnitExplorerView* unitExplorer() const { return m_unitExplorer; }
    UnitExplorerPresenter* unitPresenter() const { return m_unitPresenter; }
    QComboBox* runSelector() const { return m_runSelector; }

    // The two concepts' paths (engine order of the selected run) compared block by block.
    void compareConcepts(int first, int second);
    // Shows block `block` (and `unit`, −1 the most shared) in the unit explorer.
    void openUnitExplorer(int block, int unit = -1);
    // The path flow of the concepts chosen in its selector (all, the concepts checked in the
    // concept panel, or a primary concept's members).
    void showPathFlow();
    // The concepts checked in the concept panel, offered to the path flow when ≥ 2 have paths.
    void setCheckedConcepts(const QStringList& names);
    // Asks the worker for the activation maps of a composite (the browser's request).
    void requestActivations(const QVector<QString>& conceptPerTile, const QString& layout,
                            const QStringList& files = {});

Q_SIGNALS:
    void errorOccurred(const QString& title, const QString& message);
    // The context menu's "Save figure…" on `figure`.
    void saveFigureRequested(nad::FigureView* figure);
    void statusMessage(const QString& message);
    // The run selector now shows `runId`, learned on `modelName`.
    void selectedRunChanged(qint64 runId, const QString& modelName);

private:
    struct Page
    {
        QWidget* page = nullptr;
        QWidget* view = nullptr;
        FigureView* figure = nullptr;
        QString title;
    };
    // Puts `view` on a page under `explanation` (empty: none) in `group`.
    QWidget* addPage(QTabWidget* group, QWidget* view, FigureView* figure, const QString& title,
                     const QString& explanation, QWidget* controls = nullptr);
    QTabWidget* addGroup(const QString& title);
    void createViews();
    void connectViews();
    void showSelectedRun();
    void fillPathFlowConcepts();
    void showActivations(const ActivationGridData& data);
    void clearViews();

    // Which runs the selector offers, and as what; m_summaries holds them row by row.
    void listRuns();

    const ProjectStore* m_project = nullptr;
    QString m_zooDirectory;
    RunListModel* m_runs = nullptr;
    std::vector<RunSummary> m_summaries;
    bool m_live = false;
    QVector<QString> m_lastTiles;
    QString m_lastLayout = QStringLiteral("2x2");
    std::optional<ActivationRequest> m_pendingActivation;  // the newest request while one computes

    QVector<Page> m_pages;
    QComboBox* m_runSelector = nullptr;
    RunOverviewView* m_overview = nullptr;
    PathFlowView* m_pathFlow = nullptr;
    QComboBox* m_flowConcepts = nullptr;
    FrontierPanel* m_frontier = nullptr;
    QStringList m_checkedConcepts;
    StoredRunPaths m_runPaths;  // the selected run's, read once per selection
    UnitExplorerView* m_unitExplorer = nullptr;
    UnitExplorerPresenter* m_unitPresenter = nullptr;
    ClassBalanceChart* m_classBalance = nullptr;
    TrainingCurvesView* m_trainingCurves = nullptr;
    PrecisionHistogramView* m_precision = nullptr;
    BlockSeriesView* m_usage = nullptr;
    SimilarityHeatmapView* m_similarity = nullptr;
    PathComparisonView* m_comparison = nullptr;
    InterpretabilityScatterView* m_interpretability = nullptr;
    KnockoutView* m_knockout = nullptr;
    ActivationBrowser* m_activations = nullptr;
    ActivationController* m_activationJob = nullptr;
};

}  // namespace nad
