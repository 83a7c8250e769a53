#include "FrontierPanel.h"

#include "ProjectFigures.h"
#include "QtText.h"
#include "SweepController.h"
#include "SweepDialog.h"
#include "figures/FrontierView.h"
#include "jobs/ModelSource.h"
#include "store/ProjectStore.h"
#include "store/SweepStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
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
    m_sweepButton = new QPushButton(tr("Sweep λ…"), this);
    m_sweepButton->setObjectName(QStringLiteral("sweepButton"));
    m_sweepButton->setToolTip(tr("Learn paths at several λ for a few concepts and draw their frontier"));
    m_sweepButton->setEnabled(false);  // until a project is open
    controls->addWidget(m_sweepButton);
    layout->addLayout(controls);
    m_view = new FrontierView(this);
    layout->addWidget(m_view, 1);
    connect(m_models, qOverload<int>(&QComboBox::currentIndexChanged), this, &FrontierPanel::showCurrent);
    m_sweepJob = new SweepController(this);
    connect(m_sweepButton, &QPushButton::clicked, this, [this] {
        if (m_sweepJob->isRunning())
            m_sweepJob->cancel();
        else
            askForSweep();
    });
    connect(m_sweepJob, &BackgroundJob::progressed, this,
            [this](double, const QString& text) { Q_EMIT statusMessage(text); });
    connect(m_sweepJob, &BackgroundJob::failed, this,
            [this](const QString& message) { Q_EMIT errorOccurred(tr("The sweep failed"), message); });
    connect(m_sweepJob, &BackgroundJob::finished, this, &FrontierPanel::sweepEnded);
    connect(m_sweepJob, &SweepController::sweepStored, this, [this](qint64 id, const QString& model) {
        refresh();
        showModel(model);
        Q_EMIT statusMessage(tr("Sweep %1 of %2 stored in the project").arg(id).arg(model));
    });
    showEmpty();
}

void FrontierPanel::setProject(const ProjectStore* project, const QString& zooDirectory)
{
    if (m_project != project)
        m_sweepJob->cancel();  // a sweep stores into the project it was started on
    m_project = project;
    m_zooDirectory = zooDirectory;
    m_sweepButton->setEnabled(project && !project->isReadOnly());
    // No read here: ExplorationTabs::refresh, which follows every setProject, reads the sweeps.
}

void FrontierPanel::askForSweep()
{
    if (!m_project)
        return;
    QStringList models, concepts;
    try {
        const ModelSource source(*m_project, m_zooDirectory.toStdString());
        for (const RunModel& model : source.available())
            models << qs(model.name);
        for (const ConceptRecord& concept : m_project->concepts(source.learningDataset().id))
            concepts << qs(concept.name);
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(tr("Cannot prepare a sweep"), qs(e.what()));
        return;
    }
    SweepDialog dialog(models, m_models->currentText(), concepts, m_checkedConcepts, this);
    if (dialog.exec() == QDialog::Accepted && dialog.isValid())
        startSweep(dialog.request());
}

bool FrontierPanel::startSweep(SweepRequest request)
{
    if (!m_project)
        return false;
    request.projectPath = m_project->path();
    request.zooDirectory = m_zooDirectory.toStdString();
    if (!m_sweepJob->start(request))
        return false;
    m_sweepButton->setText(tr("Cancel sweep"));
    Q_EMIT statusMessage(
        tr("Sweeping %n λ value(s) on %1…", nullptr, int(request.lambdas.size())).arg(qs(request.model)));
    return true;
}

void FrontierPanel::sweepEnded(bool cancelled)
{
    m_sweepButton->setText(tr("Sweep λ…"));
    if (cancelled)
        Q_EMIT statusMessage(tr("Sweep cancelled; nothing was stored"));
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
                       "Start one with Sweep λ…, or store one with:\nnad sweep --project %1 --model MODEL --concepts "
                       "A,B,C --lambdas 0.2,0.4,0.6,0.8,1.2 --objective specific")
                        .arg(project));
}

}  // namespace nad
