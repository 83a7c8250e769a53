#pragma once

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;

namespace nad {

class ClassBalanceChart;
class ConceptPanel;
class ExplorationTabs;
class FigureView;
class ProjectExplorerWidget;
class ProjectStore;
class TrainingController;
class TrainingPanel;
struct DisentangleRequest;
struct TrainingOutcome;
struct TrainingSnapshot;

// NAD Studio's main window: the project explorer and the concept panel docked on the left,
// the training panel on the right, the figure views in central tabs, and a status bar with
// the compute device and the running job. Path learning runs on a worker thread
// (TrainingController); errors appear in window-modal boxes that do not block the event loop.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project file; on failure shows the reason and keeps the current project.
    bool openProject(const QString& path);
    // Creates the built-in Fashion-MNIST demo project when missing, then opens it.
    bool openDemoProject(const QString& projectPath = {}, const QString& datasetDirectory = {});
    // Where zoo models are found (default: the per-user zoo).
    void setZooDirectory(const QString& directory);
    QString zooDirectory() const { return m_zooDirectory; }

    QString projectPath() const;
    ProjectExplorerWidget* explorer() const { return m_explorer; }
    ClassBalanceChart* classBalanceChart() const;
    ConceptPanel* conceptPanel() const { return m_concepts; }
    TrainingPanel* trainingPanel() const { return m_training; }
    ExplorationTabs* views() const { return m_views; }
    TrainingController* trainingJob() const { return m_trainingJob; }

    // Starts learning the checked concepts with the training panel's settings.
    bool startTraining();
    // Continues the latest interrupted run with its own settings.
    bool resumeTraining();
    // Exports the current tab's figure (format from the suffix); shows errors. Returns success.
    bool saveCurrentFigure(const QString& filePath);
    // When false, closing during a training stops it without asking (tests).
    void setConfirmClose(bool confirm) { m_confirmClose = confirm; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void showError(const QString& title, const QString& message);
    void showDataset(qint64 datasetId);
    void rebuildRecentMenu();
    void chooseAndOpenProject();
    // Asks where to save `figure` (null: the current view's) and saves it.
    void chooseAndSaveFigure(nad::FigureView* figure = nullptr);
    void showNewProjectWizard();
    void showPreferences();
    void reloadProject();
    void refreshModels();
    void refreshConceptStatuses();
    void refreshResumable();
    bool launchTraining(const DisentangleRequest& request);
    void onSnapshot(const TrainingSnapshot& snapshot);
    void onTrainingResult(const TrainingOutcome& outcome);
    void onTrainingEnded();
    void saveWindowState();

    std::unique_ptr<ProjectStore> m_store;
    QString m_zooDirectory;
    QStringList m_classNames;  // of the project's first data set, by class index
    ProjectExplorerWidget* m_explorer = nullptr;
    ConceptPanel* m_concepts = nullptr;
    TrainingPanel* m_training = nullptr;
    ExplorationTabs* m_views = nullptr;
    TrainingController* m_trainingJob = nullptr;
    QLabel* m_projectLabel = nullptr;
    QLabel* m_jobLabel = nullptr;
    QProgressBar* m_jobProgress = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QDockWidget* m_trainingDock = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_cancelAction = nullptr;
    bool m_confirmClose = true;
    bool m_closeWhenStopped = false;
    int m_lastPass = -1;
};

}  // namespace nad
