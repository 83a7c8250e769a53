#pragma once

#include <QWidget>

class QComboBox;

namespace nad {

class FrontierView;
class ProjectStore;

// Paths › Frontier: the λ sweeps stored in the project (`nad sweep --project`), one model at a
// time: usage against specificity and precision per λ, with the recommended and default λ
// marked. Follows the run selector's model when that model has sweeps; without any, says
// which command stores one.
class FrontierPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FrontierPanel(QWidget* parent = nullptr);

    // Reads the sweeps of `project` (not owned; null clears).
    void setProject(const ProjectStore* project);
    // Reads them again (a sweep may have been stored since).
    void refresh();
    // Shows `modelName`'s sweeps, if it has any; otherwise keeps the model shown.
    void showModel(const QString& modelName);

    FrontierView* view() const { return m_view; }
    QComboBox* models() const { return m_models; }

Q_SIGNALS:
    void errorOccurred(const QString& title, const QString& message);

private:
    void showCurrent();
    void showEmpty();

    const ProjectStore* m_project = nullptr;
    QComboBox* m_models = nullptr;
    FrontierView* m_view = nullptr;
};

}  // namespace nad
