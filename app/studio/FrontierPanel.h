#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace nad {

class FrontierView;
class ProjectStore;
class SweepController;
struct SweepRequest;

// Paths › Frontier: the λ sweeps stored in the project (`nad sweep --project`), one model at a
// time: usage against specificity and precision per λ, with the recommended and default λ
// marked. Follows the run selector's model when that model has sweeps; without any, says
// which command stores one. "Sweep λ…" runs a new sweep in the background (SweepDialog,
// SweepController) and shows it when it is stored.
class FrontierPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FrontierPanel(QWidget* parent = nullptr);

    // Shows `project`'s sweeps from the next refresh() on (not owned; null clears); new sweeps
    // use the models of `zooDirectory` too.
    void setProject(const ProjectStore* project, const QString& zooDirectory = QString());
    // The concepts checked in the concept panel: a new sweep starts with them.
    void setCheckedConcepts(const QStringList& names) { m_checkedConcepts = names; }
    // Asks for a sweep (SweepDialog) and starts it.
    void askForSweep();
    // Starts `request` on this project (its project and zoo are filled in); false when a
    // sweep is running or no project is open.
    bool startSweep(SweepRequest request);
    SweepController* sweepJob() const { return m_sweepJob; }
    QPushButton* sweepButton() const { return m_sweepButton; }
    // Reads them again (a sweep may have been stored since).
    void refresh();
    // Shows `modelName`'s sweeps, if it has any; otherwise keeps the model shown.
    void showModel(const QString& modelName);

    FrontierView* view() const { return m_view; }
    QComboBox* models() const { return m_models; }

Q_SIGNALS:
    void errorOccurred(const QString& title, const QString& message);
    void statusMessage(const QString& message);

private:
    void showCurrent();
    void showEmpty();

    void sweepEnded(bool cancelled);

    const ProjectStore* m_project = nullptr;
    QString m_zooDirectory;
    QStringList m_checkedConcepts;
    QComboBox* m_models = nullptr;
    QPushButton* m_sweepButton = nullptr;
    SweepController* m_sweepJob = nullptr;
    FrontierView* m_view = nullptr;
};

}  // namespace nad
