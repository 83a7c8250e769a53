#include "FrontierPanel.h"

#include "ProjectFigures.h"
#include "QtText.h"
#include "figures/FrontierView.h"
#include "store/ProjectStore.h"
#include "store/SweepStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace nad {

FrontierPanel::FrontierPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    m_models = new QComboBox(this);
    m_models->setObjectName(QStringLiteral("frontierModels"));
    m_models->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* label = new QLabel(tr("&Model:"), this);
    label->setBuddy(m_models);
    controls->addWidget(label);
    controls->addWidget(m_models);
    controls->addStretch(1);
    layout->addLayout(controls);
    m_view = new FrontierView(this);
    layout->addWidget(m_view, 1);
    connect(m_models, qOverload<int>(&QComboBox::currentIndexChanged), this, &FrontierPanel::showCurrent);
    showEmpty();
}

void FrontierPanel::setProject(const ProjectStore* project)
{
    m_project = project;
    refresh();
}

void FrontierPanel::refresh()
{
    const QString keep = m_models->currentText();
    {
        QSignalBlocker blocker(m_models);
        m_models->clear();
        if (m_project) {
            try {
                for (const std::string& model : SweepStore(*m_project).models())
                    m_models->addItem(qs(model));
            } catch (const std::exception& e) {
                Q_EMIT errorOccurred(tr("Cannot read the project's sweeps"), qs(e.what()));
            }
        }
        const int kept = m_models->findText(keep);
        m_models->setCurrentIndex(kept >= 0 ? kept : 0);
    }
    m_models->setEnabled(m_models->count() > 1);
    showCurrent();
}

void FrontierPanel::showModel(const QString& modelName)
{
    const int index = m_models->findText(modelName);
    if (index >= 0)
        m_models->setCurrentIndex(index);  // showCurrent follows when it changes
}

void FrontierPanel::showCurrent()
{
    if (!m_project || m_models->count() == 0) {
        showEmpty();
        return;
    }
    const QString model = m_models->currentText();
    try {
        ProjectFigures::fillFrontier(*m_view, SweepStore(*m_project).list(model.toStdString()), model);
    } catch (const std::exception& e) {
        showEmpty();
        Q_EMIT errorOccurred(tr("Cannot show the sweeps of %1").arg(model), qs(e.what()));
    }
}

void FrontierPanel::showEmpty()
{
    m_view->setSweeps({});
    m_view->setTitle(tr("No λ sweep stored in this project yet"));
    const QString project = m_project ? qs(m_project->path()) : tr("PROJECT");
    m_view->setNote(tr("A sweep learns paths for a few concepts at several λ and measures them on validation images. "
                       "Store one with:\nnad sweep --project %1 --model MODEL --concepts A,B,C --lambdas "
                       "0.2,0.4,0.6,0.8,1.2 --objective specific")
                        .arg(project));
}

}  // namespace nad
