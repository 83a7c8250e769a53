#pragma once

#include "TrainingController.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace nad {

class TrainingCurvesView;

// A model the panel can learn paths on: a zoo entry or a model imported into the project.
struct ModelChoice
{
    QString name;
    QString family;  // selects the default λ (β)
    QString description;
};

// The training panel: preset and hyperparameters (per-family defaults), Start / Cancel /
// Resume, the job's progress with ETA, per-concept usage and loss, and the live curves in a
// TrainingCurvesView placed by the main window. It builds requests; the main window runs them.
class TrainingPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    // The note under λ when the model has no λ of its own (empty otherwise).
    QString lambdaHint() const;

    void setModels(const QVector<ModelChoice>& models);
    // Where the live curves are drawn (owned by the caller).
    void setCurvesView(TrainingCurvesView* view) { m_curves = view; }
    // Concept names by class index, for the per-concept table.
    void setClassNames(const QStringList& names) { m_classNames = names; }

    // The request as the form describes it (project, zoo and concepts are the caller's).
    DisentangleRequest request() const;
    // Sets the form from a request (resuming an interrupted run uses it).
    void setRequest(const DisentangleRequest& request);
    QString modelName() const;
    // Makes `name` the current model, when listed and no job runs.
    void selectModel(const QString& name);

    // An interrupted run that Resume continues; empty description: none.
    void setResumable(const QString& description);
    void setRunning(bool running);
    void setCheckedConceptCount(int count);

    // Appends a progress report to the curves, the table and the progress line.
    void showSnapshot(const TrainingSnapshot& snapshot);
    void showFinished(const QString& message);
    // Clears the live curves and the per-concept table (a new job starts).
    void clearProgress();
    int curvePointCount() const { return m_curveSteps.size(); }

    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* resumeButton() const { return m_resume; }

Q_SIGNALS:
    void startRequested();
    void cancelRequested();
    void resumeRequested();
    void modelChanged();

private:
    LearnerOptions objectiveOptions() const;
    // The constructor's parts.
    void addMethodRows(QFormLayout* form, QWidget* settings);
    void addBudgetRows(QFormLayout* form, QWidget* settings);
    void addScaleRows(QFormLayout* form, QWidget* settings);
    void updateNegativesEnabled();
    QHBoxLayout* buildRunControls();
    void buildProgressTable();
    void applyFamilyDefault();
    void updatePresetLabels();
    void applyPresetBudget();
    void redrawCurves();
    void updateStartEnabled();

    QComboBox* m_model = nullptr;
    QComboBox* m_preset = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    QSpinBox* m_alphaDecay = nullptr;
    QLabel* m_lambdaLabel = nullptr;
    QDoubleSpinBox* m_lambda = nullptr;
    QLabel* m_lambdaHint = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_imagesPerConcept = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_initializations = nullptr;
    QSpinBox* m_evaluationImages = nullptr;
    QComboBox* m_negativesMode = nullptr;  // automatic, all, or a sample of m_negatives
    QSpinBox* m_negatives = nullptr;
    QSpinBox* m_memory = nullptr;  // MiB for decoded training images; 0: automatic
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_resume = nullptr;
    QLabel* m_conceptCount = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    TrainingCurvesView* m_curves = nullptr;
    QStringList m_classNames;
    bool m_running = false;
    int m_checkedConcepts = 0;

    // The curves so far: one point per snapshot, x = steps since the job started.
    QVector<double> m_curveSteps, m_distance, m_sparsity, m_total, m_usageMean, m_usageMin, m_usageMax;
};

}  // namespace nad
