#pragma once

#include "ActivationController.h"
#include "nad/RunEvaluation.h"

#include <QString>
#include <QStringList>
#include <QTabWidget>
#include <QVector>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;

namespace nad {

class ActivationBrowser;
class BlockSeriesView;
class ClassBalanceChart;
class FigureView;
class InterpretabilityScatterView;
class KnockoutView;
class PathComparisonView;
class PrecisionHistogramView;
class ProjectStore;
class RunListModel;
class SimilarityHeatmapView;
class TrainingCurvesView;

// The central tabs: the data set, the training curves and every exploration view of the
// paper's figures, filled from the project's evaluated runs. A run selector in the corner
// picks the run the per-model views show; usage and interpretability show every model.
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

    // The figure of the current tab (the activation browser gives its grid), or null.
    FigureView* currentFigure() const;
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
    QComboBox* runSelector() const { return m_runSelector; }

    // The two concepts' paths (engine order of the selected run) compared block by block.
    void compareConcepts(int first, int second);
    // Asks the worker for the activation maps of a composite (the browser's request).
    void requestActivations(const QVector<QString>& conceptPerTile, const QString& layout,
                            const QStringList& files = {});

Q_SIGNALS:
    void errorOccurred(const QString& title, const QString& message);
    void statusMessage(const QString& message);
    // The run selector now shows `runId`, learned on `modelName`.
    void selectedRunChanged(qint64 runId, const QString& modelName);

private:
    void showSelectedRun();
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

    QComboBox* m_runSelector = nullptr;
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
