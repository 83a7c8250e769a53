#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QTabWidget;

namespace nad {

class ClassBalanceChart;
class ProjectExplorerWidget;
class ProjectStore;

// NAD Studio's main window: project explorer on the left, views in tabs, status bar with the
// project's state. Errors are shown in a window-modal box that does not block the event loop.
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

    QString projectPath() const;
    ProjectExplorerWidget* explorer() const { return m_explorer; }
    ClassBalanceChart* classBalanceChart() const { return m_classBalance; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showError(const QString& title, const QString& message);
    void showDataset(qint64 datasetId);
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void chooseAndOpenProject();
    void showAbout();

    std::unique_ptr<ProjectStore> m_store;
    ProjectExplorerWidget* m_explorer = nullptr;
    QTabWidget* m_tabs = nullptr;
    ClassBalanceChart* m_classBalance = nullptr;
    QLabel* m_projectLabel = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
};

} // namespace nad
