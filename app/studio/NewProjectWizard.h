#pragma once

#include "ProjectSetupJob.h"

#include <QWizard>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;

namespace nad {

// File ▸ New Project: the built-in demo (Fashion-MNIST and zoo models, trained on the spot
// with progress when missing) or the user's own TorchScript model (preset or block spec file)
// with an ImageFolder data set and an optional hierarchy. Each page checks its choices with a
// clear message before it lets the user continue; the last page does the work on a worker
// thread and can be cancelled.
class NewProjectWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ChoosePage, DemoPage, ImportPage, SetupPage };

    explicit NewProjectWizard(const QString& zooDirectory, QWidget* parent = nullptr);
    ~NewProjectWizard() override;

    // Defaults the pages start from (tests point them at temporary folders).
    void setDatasetDirectory(const QString& directory);
    void setProjectPath(const QString& path);
    void setDemoFamilies(const QStringList& families);
    void setDemoEpochs(int epochs);

    ProjectSetupRequest setupRequest() const;
    ProjectSetupJob* job() const { return m_job; }
    int nextId() const override;
    bool validateCurrentPage() override;

Q_SIGNALS:
    void projectCreated(const QString& path);

protected:
    void initializePage(int id) override;
    void done(int result) override;

private:
    QWizardPage* createChoosePage();
    QWizardPage* createDemoPage();
    QWizardPage* createImportPage();
    QWizardPage* createSetupPage();
    bool validateDemo();
    bool validateImport();
    void refreshZooStatus();
    void showProblem(QLabel* label, const QString& message);

    QString m_zooDirectory;
    ProjectSetupJob* m_job = nullptr;
    bool m_setupDone = false;

    QRadioButton* m_demoChoice = nullptr;
    QRadioButton* m_importChoice = nullptr;
    QLineEdit* m_projectPath = nullptr;
    QLabel* m_chooseProblem = nullptr;

    QLineEdit* m_fashionMnist = nullptr;
    QVector<QCheckBox*> m_families;
    QSpinBox* m_epochs = nullptr;
    QLabel* m_demoProblem = nullptr;

    QLineEdit* m_modelFile = nullptr;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_specFile = nullptr;
    QSpinBox* m_inputSize = nullptr;
    QLineEdit* m_imageFolder = nullptr;
    QLineEdit* m_hierarchyFile = nullptr;
    QLabel* m_importProblem = nullptr;
    QLabel* m_importSummary = nullptr;

    QProgressBar* m_progress = nullptr;
    QLabel* m_progressText = nullptr;
    QPlainTextEdit* m_log = nullptr;
};

}  // namespace nad
