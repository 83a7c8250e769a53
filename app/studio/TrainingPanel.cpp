#include "TrainingPanel.h"

#include "figures/TrainingCurvesView.h"
#include "nad/LearnerOptions.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace nad {
namespace {

QString duration(double seconds)
{
    const auto total = qint64(std::lround(std::max(0.0, seconds)));
    if (total >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(total / 3600)
            .arg(total / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(total % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QSpinBox* spinBox(int minimum, int maximum, int value, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setValue(value);
    return box;
}

}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent)
{
    auto* settings = new QGroupBox(tr("Settings"), this);
    auto* form = new QFormLayout(settings);
    addMethodRows(form, settings);
    addBudgetRows(form, settings);
    m_conceptCount = new QLabel(settings);
    auto* buttons = buildRunControls();
    buildProgressTable();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(settings);
    layout->addWidget(m_conceptCount);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(m_model, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        applyFamilyDefault();
        Q_EMIT modelChanged();
    });
    connect(m_preset, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        updatePresetLabels();
        applyPresetBudget();
        applyFamilyDefault();
    });
    connect(m_start, &QPushButton::clicked, this, &TrainingPanel::startRequested);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancelRequested);
    connect(m_resume, &QPushButton::clicked, this, &TrainingPanel::resumeRequested);
    updatePresetLabels();
    setResumable(QString());
    setRunning(false);
}

// What is learned and how: model, preset, step size α, sparsity λ (with its family default).
void TrainingPanel::addMethodRows(QFormLayout* form, QWidget* settings)
{
    const LearnerOptions defaults;
    m_model = new QComboBox(settings);
    m_model->setObjectName(QStringLiteral("modelCombo"));
    form->addRow(tr("&Model:"), m_model);
    m_preset = new QComboBox(settings);
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    // Sparse and specific first, the default: on the zoo models the paper's objective keeps every
    // unit of most blocks (README, "Which objective by default").
    m_preset->addItem(tr("Sparse and specific"), QStringLiteral("specific"));
    m_preset->addItem(tr("Paper (Eq. 4–9)"), QStringLiteral("paper"));
    m_preset->addItem(tr("Official code (v2)"), QStringLiteral("official"));
    m_preset->setToolTip(
        tr("Sparse and specific (the default): the paper's algorithm with the share of each block's energy removed "
           "as the distance, the mean usage per block as the size, and a margin and one-vs-rest loss on other "
           "concepts' images so that paths stay specific as they thin out.\n"
           "Paper: L = L_dif + λ·L_reg, as in Algorithm 1.\n"
           "Official: the authors' public code (cross-entropy and MSE on correctly classified images, β penalty)."));
    form->addRow(tr("&Preset:"), m_preset);
    m_alpha = new QDoubleSpinBox(settings);
    m_alpha->setObjectName(QStringLiteral("alphaSpin"));
    m_alpha->setDecimals(3);
    m_alpha->setRange(0.001, 10.0);
    m_alpha->setSingleStep(0.1);
    m_alpha->setValue(defaults.alpha);
    m_alpha->setToolTip(tr("Step size of the normalized update (Eq. 8): each step moves a block's mask logits by α."));
    form->addRow(tr("Step size &α:"), m_alpha);
    m_alphaDecay = new QSpinBox(settings);
    m_alphaDecay->setObjectName(QStringLiteral("alphaDecaySpin"));
    m_alphaDecay->setRange(0, 100000);
    m_alphaDecay->setSingleStep(10);
    m_alphaDecay->setSpecialValueText(tr("constant"));
    m_alphaDecay->setSuffix(tr(" steps"));
    m_alphaDecay->setValue(defaults.alphaDecaySteps);
    m_alphaDecay->setToolTip(tr("Steps after which the step size has halved (α·T/(T+t)); constant: the paper's "
                                "fixed α. A fast decay stops paths early but can freeze them before they are "
                                "faithful."));
    form->addRow(tr("Step size &decay:"), m_alphaDecay);
    m_lambda = new QDoubleSpinBox(settings);
    m_lambda->setObjectName(QStringLiteral("lambdaSpin"));
    m_lambda->setDecimals(4);
    m_lambda->setRange(0.0, 100.0);
    m_lambda->setSingleStep(0.005);
    auto* lambdaRow = new QHBoxLayout;
    lambdaRow->addWidget(m_lambda, 1);
    auto* lambdaDefault = new QPushButton(tr("Default"), settings);
    lambdaDefault->setObjectName(QStringLiteral("lambdaDefaultButton"));
    lambdaDefault->setToolTip(tr("The model family's default, found with a λ sweep on the zoo models"));
    lambdaRow->addWidget(lambdaDefault);
    m_lambdaLabel = new QLabel(settings);
    form->addRow(m_lambdaLabel, lambdaRow);
    // Shown for a model with no λ of its own (an imported spec): the default is only a fallback.
    m_lambdaHint = new QLabel(settings);
    m_lambdaHint->setObjectName(QStringLiteral("lambdaHint"));
    m_lambdaHint->setWordWrap(true);
    m_lambdaHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lambdaHint->setStyleSheet(QStringLiteral("color: #a04000;"));
    m_lambdaHint->hide();
    form->addRow(QString(), m_lambdaHint);
    connect(lambdaDefault, &QPushButton::clicked, this, &TrainingPanel::applyFamilyDefault);
}

// How long and on what: steps, epochs, batch, images, seed, initializations, evaluation size.
void TrainingPanel::addBudgetRows(QFormLayout* form, QWidget* settings)
{
    const LearnerOptions defaults;
    m_steps = spinBox(1, 100000, defaults.steps, settings);
    m_steps->setObjectName(QStringLiteral("stepsSpin"));
    m_steps->setToolTip(tr("The most steps a concept takes; it stops earlier once its binary path has converged"));
    form->addRow(tr("Max s&teps:"), m_steps);
    m_epochs = spinBox(0, 10000, defaults.epochs, settings);
    m_epochs->setObjectName(QStringLiteral("epochsSpin"));
    m_epochs->setSpecialValueText(tr("until converged"));
    m_epochs->setToolTip(tr("Epochs over each concept's training images (the authors' code runs 21), or until "
                            "the binary path has converged"));
    form->addRow(tr("&Epochs:"), m_epochs);
    m_batch = spinBox(1, 1024, defaults.batchSize, settings);
    m_batch->setObjectName(QStringLiteral("batchSpin"));
    form->addRow(tr("&Batch per concept:"), m_batch);
    m_imagesPerConcept = spinBox(0, 1000000, 0, settings);
    m_imagesPerConcept->setObjectName(QStringLiteral("imagesPerConceptSpin"));
    m_imagesPerConcept->setSpecialValueText(tr("all"));
    m_imagesPerConcept->setToolTip(tr("Training images per concept, a seeded sample (all: every image of the class)"));
    form->addRow(tr("&Images per concept:"), m_imagesPerConcept);
    m_seed = spinBox(0, 999999999, int(defaults.seed), settings);
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    form->addRow(tr("&Seed:"), m_seed);
    m_initializations = spinBox(1, 50, defaults.initializations, settings);
    m_initializations->setObjectName(QStringLiteral("initializationsSpin"));
    m_initializations->setToolTip(
        tr("Independent runs per concept (seeds seed, seed+1, …); metrics are averaged over them"));
    form->addRow(tr("I&nitializations:"), m_initializations);
    m_evaluationImages = spinBox(0, 1000000, 300, settings);
    m_evaluationImages->setObjectName(QStringLiteral("evaluationImagesSpin"));
    m_evaluationImages->setSpecialValueText(tr("all"));
    m_evaluationImages->setToolTip(tr("Held-out images per class for the evaluation after learning"));
    form->addRow(tr("&Evaluation images per class:"), m_evaluationImages);
    addScaleRows(form, settings);
}

// What matters with many concepts (an ImageNet-sized data set): how many other concepts'
// images measure each path's specificity, and the memory for decoded training images.
void TrainingPanel::addScaleRows(QFormLayout* form, QWidget* settings)
{
    m_negativesMode = new QComboBox(settings);
    m_negativesMode->setObjectName(QStringLiteral("negativesModeCombo"));
    m_negativesMode->addItem(tr("automatic"), -1);
    m_negativesMode->addItem(tr("all"), 0);
    m_negativesMode->addItem(tr("a sample of"), 1);
    m_negativesMode->setToolTip(
        tr("Other concepts' held-out images each path's specificity and AUROC are measured on. Automatic: all of "
           "them while paths × held-out images stay within 100,000, else a seeded sample of max(100, 100,000 / "
           "paths) per concept"));
    m_negatives = spinBox(1, 1000000, 100, settings);
    m_negatives->setObjectName(QStringLiteral("negativesSpin"));
    m_negatives->setEnabled(false);
    auto* negativesRow = new QHBoxLayout;
    negativesRow->addWidget(m_negativesMode);
    negativesRow->addWidget(m_negatives, 1);
    auto* negativesLabel = new QLabel(tr("Ne&gatives per concept:"), settings);
    negativesLabel->setBuddy(m_negativesMode);
    form->addRow(negativesLabel, negativesRow);
    connect(m_negativesMode, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &TrainingPanel::updateNegativesEnabled);

    m_memory = spinBox(0, 1 << 24, 0, settings);
    m_memory->setObjectName(QStringLiteral("memorySpin"));
    m_memory->setSpecialValueText(tr("automatic (a quarter of the memory)"));
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setToolTip(tr("Memory for the decoded training images of an image folder, decoded pass by pass; a "
                            "pass that does not fit is refused before learning. Does not change the result"));
    form->addRow(tr("Training image mem&ory:"), m_memory);
}

// Start, Cancel and Resume in a row, the progress bar and the status line.
QHBoxLayout* TrainingPanel::buildRunControls()
{
    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setDefault(true);
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_resume = new QPushButton(tr("&Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_status = new QLabel(tr("Idle"), this);
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true);
    return buttons;
}

// One row per concept of the running pass: its usage and distance term as learning goes.
void TrainingPanel::buildProgressTable()
{
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("conceptProgressTable"));
    m_table->setHorizontalHeaderLabels({tr("Concept"), tr("Usage"), tr("L_dif")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
}

void TrainingPanel::setModels(const QVector<ModelChoice>& models)
{
    const QString current = modelName();
    QSignalBlocker blocker(m_model);
    m_model->clear();
    for (const auto& model : models) {
        m_model->addItem(model.name, model.family);
        m_model->setItemData(m_model->count() - 1, model.description, Qt::ToolTipRole);
    }
    const int keep = m_model->findText(current);
    m_model->setCurrentIndex(keep >= 0 ? keep : 0);
    blocker.unblock();
    applyFamilyDefault();
    updateStartEnabled();
}

void TrainingPanel::selectModel(const QString& name)
{
    const int index = m_model->findText(name);
    if (index >= 0 && !m_running)
        m_model->setCurrentIndex(index);
}

QString TrainingPanel::lambdaHint() const
{
    return m_lambdaHint->isHidden() ? QString() : m_lambdaHint->text();
}

QString TrainingPanel::modelName() const
{
    return m_model->currentText();
}

DisentangleRequest TrainingPanel::request() const
{
    DisentangleRequest request;
    request.modelName = modelName().toStdString();
    request.options = objectiveOptions();
    request.options.alpha = m_alpha->value();
    request.options.alphaDecaySteps = m_alphaDecay->value();
    request.options.lambda = m_lambda->value();
    request.lambdaGiven = true;
    request.options.steps = m_steps->value();
    request.options.epochs = m_epochs->value();
    if (request.options.epochs > 0) {
        // An epoch budget runs to its end, as the authors', and keeps its last step's paths.
        request.options.convergenceWindow = 0;
        request.options.averagedPaths = false;
    }
    request.options.batchSize = m_batch->value();
    request.options.seed = std::uint64_t(m_seed->value());
    request.options.initializations = m_initializations->value();
    request.imagesPerConcept = m_imagesPerConcept->value();
    request.evaluationImagesPerConcept = m_evaluationImages->value();
    const int negativesMode = m_negativesMode->currentData().toInt();
    request.evaluationNegativesPerConcept = negativesMode > 0 ? m_negatives->value() : negativesMode;
    request.memoryBytes = std::size_t(m_memory->value()) << 20;
    return request;
}

void TrainingPanel::setRequest(const DisentangleRequest& request)
{
    const int model = m_model->findText(QString::fromStdString(request.modelName));
    if (model >= 0)
        m_model->setCurrentIndex(model);
    m_preset->setCurrentIndex(
        m_preset->findData(request.options.usesSpecificObjective()
                               ? QStringLiteral("specific")
                               : QString::fromStdString(LearnerOptions::presetName(request.options.preset))));
    m_alpha->setValue(request.options.alpha);
    m_alphaDecay->setValue(request.options.alphaDecaySteps);
    m_lambda->setValue(request.options.lambda);  // after the model and preset, which set the default
    m_steps->setValue(request.options.steps);
    m_epochs->setValue(request.options.epochs);
    m_batch->setValue(request.options.batchSize);
    m_seed->setValue(int(request.options.seed));
    m_initializations->setValue(request.options.initializations);
    m_imagesPerConcept->setValue(request.imagesPerConcept);
    m_evaluationImages->setValue(request.evaluationImagesPerConcept);
    const int negatives = request.evaluationNegativesPerConcept;
    m_negativesMode->setCurrentIndex(m_negativesMode->findData(negatives > 0 ? 1 : negatives));
    if (negatives > 0)
        m_negatives->setValue(negatives);
    m_memory->setValue(int(request.memoryBytes >> 20));
}

void TrainingPanel::applyFamilyDefault()
{
    const std::string family = m_model->currentData().toString().toStdString();
    m_lambda->setValue(LearnerOptions::defaultLambda(family, objectiveOptions()));
    const bool fallback = m_model->count() > 0 && !LearnerOptions::hasTunedLambda(family);
    m_lambdaHint->setText(
        fallback ? tr("No λ has been chosen for %1: %2 is a general fallback. Choose one on a validation split of "
                      "the training images: nad sweep --project FILE --model %1 --concepts A,B,C")
                       .arg(modelName())
                       .arg(m_lambda->value())
                 : QString());
    m_lambdaHint->setVisible(fallback);
}

// The preset's own step size and budget: α = 1 to convergence (paper), lr 0.1 for 21 epochs
// (the authors' code).
void TrainingPanel::applyPresetBudget()
{
    const bool paper = objectiveOptions().preset == LearnerPreset::Paper;
    const LearnerOptions defaults = paper ? LearnerOptions() : LearnerOptions::officialDefaults();
    m_alpha->setValue(defaults.alpha);
    m_alphaDecay->setValue(defaults.alphaDecaySteps);
    m_epochs->setValue(defaults.epochs);
}

void TrainingPanel::updatePresetLabels()
{
    const LearnerOptions objective = objectiveOptions();
    const bool paper = objective.preset == LearnerPreset::Paper;
    m_lambdaLabel->setText(paper ? tr("Sparsity &λ:") : tr("Penalty &β:"));
    m_lambdaLabel->setBuddy(m_lambda);
    m_lambda->setToolTip(objective.usesSpecificObjective()
                             ? tr("Weight of the mean usage per block, summed over the blocks: larger λ, sparser paths")
                         : paper ? tr("Weight of L_reg = Σ‖σ(s_i)‖₁ (Eq. 7): larger λ, sparser paths")
                                 : tr("Weight of the mean squared mask penalty (the authors' code)"));
}

// The preset and objective the preset box names, everything else at its default.
LearnerOptions TrainingPanel::objectiveOptions() const
{
    const QString name = m_preset->currentData().toString();
    if (name == QLatin1String("specific")) {
        LearnerOptions o;
        o.useSpecificObjective();
        return o;
    }
    LearnerOptions o;
    if (name == QLatin1String("official"))
        o.preset = LearnerPreset::Official;
    return o;
}

void TrainingPanel::setResumable(const QString& description)
{
    m_resume->setVisible(!description.isEmpty());
    m_resume->setToolTip(description);
    m_resume->setEnabled(!description.isEmpty() && !m_running);
}

void TrainingPanel::setRunning(bool running)
{
    m_running = running;
    m_cancel->setEnabled(running);
    m_resume->setEnabled(!running && m_resume->isVisible());
    for (QWidget* w : {static_cast<QWidget*>(m_model), static_cast<QWidget*>(m_preset), static_cast<QWidget*>(m_alpha),
                       static_cast<QWidget*>(m_alphaDecay), static_cast<QWidget*>(m_lambda),
                       static_cast<QWidget*>(m_steps), static_cast<QWidget*>(m_epochs), static_cast<QWidget*>(m_batch),
                       static_cast<QWidget*>(m_imagesPerConcept), static_cast<QWidget*>(m_seed),
                       static_cast<QWidget*>(m_initializations), static_cast<QWidget*>(m_evaluationImages),
                       static_cast<QWidget*>(m_negativesMode), static_cast<QWidget*>(m_memory)})
        w->setEnabled(!running);
    updateNegativesEnabled();
    updateStartEnabled();
}

// The count is only asked for a sample, and like every setting not while a job runs.
void TrainingPanel::updateNegativesEnabled()
{
    m_negatives->setEnabled(!m_running && m_negativesMode->currentData().toInt() > 0);
}

void TrainingPanel::setCheckedConceptCount(int count)
{
    m_checkedConcepts = count;
    m_conceptCount->setText(count == 0 ? tr("Check the concepts to learn in the concept panel.")
                                       : tr("%n concept(s) checked", nullptr, count));
    updateStartEnabled();
}

void TrainingPanel::updateStartEnabled()
{
    m_start->setEnabled(!m_running && m_checkedConcepts > 0 && m_model->count() > 0);
}

void TrainingPanel::clearProgress()
{
    for (auto* v : {&m_curveSteps, &m_distance, &m_sparsity, &m_total, &m_usageMean, &m_usageMin, &m_usageMax})
        v->clear();
    m_table->setRowCount(0);
    m_progress->setValue(0);
    redrawCurves();
}

void TrainingPanel::showSnapshot(const TrainingSnapshot& s)
{
    const int n = s.usage.size();
    if (n == 0)
        return;
    const double x = double((s.initialization * s.passes + s.pass) * s.steps + s.step);
    if (!m_curveSteps.isEmpty() && x <= m_curveSteps.last())
        return;  // a repeated report (resume starts at the checkpoint)
    double distance = 0, sparsity = 0, negative = 0, usage = 0, low = 1, high = 0;
    for (int c = 0; c < n; ++c) {
        distance += s.distanceLoss.value(c);
        sparsity += s.sparsityLoss.value(c);
        negative += s.negativeLoss.value(c);  // L includes the terms on other concepts' images
        usage += s.usage[c];
        low = std::min(low, s.usage[c]);
        high = std::max(high, s.usage[c]);
    }
    m_curveSteps << x;
    m_distance << distance / n;
    m_sparsity << s.lambda * sparsity / n;
    m_total << (distance + s.lambda * sparsity + negative) / n;
    m_usageMean << usage / n;
    m_usageMin << low;
    m_usageMax << high;
    redrawCurves();

    m_table->setRowCount(n);
    for (int c = 0; c < n; ++c) {
        const qint64 cls = s.classIndices.value(c, -1);
        const QString name = cls >= 0 && cls < m_classNames.size() ? m_classNames[int(cls)] : QString::number(cls);
        const QStringList cells{name, QStringLiteral("%1 %").arg(100.0 * s.usage[c], 0, 'f', 1),
                                QString::number(s.distanceLoss.value(c), 'g', 4)};
        for (int column = 0; column < 3; ++column) {
            auto* item = m_table->item(c, column);
            if (!item) {
                item = new QTableWidgetItem;
                if (column > 0)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(c, column, item);
            }
            item->setText(cells[column]);
        }
    }
    m_progress->setValue(int(std::lround(1000 * s.fraction())));
    m_status->setText(tr("Initialization %1/%2 · pass %3/%4 · step %5/%6 · %7 elapsed · about %8 left")
                          .arg(s.initialization + 1)
                          .arg(s.initializations)
                          .arg(s.pass + 1)
                          .arg(s.passes)
                          .arg(s.step)
                          .arg(s.steps)
                          .arg(duration(s.elapsedSeconds), duration(s.etaSeconds)));
}

void TrainingPanel::showFinished(const QString& message)
{
    m_status->setText(message);
}

void TrainingPanel::redrawCurves()
{
    if (!m_curves)
        return;
    const bool paper = objectiveOptions().preset == LearnerPreset::Paper;
    m_curves->setCurves(m_curveSteps,
                        {{paper ? tr("L_dif") : tr("distance"), m_distance},
                         {paper ? tr("λ·L_reg") : tr("β·penalty"), m_sparsity},
                         {tr("L"), m_total}},
                        m_usageMean, m_usageMin, m_usageMax);
}

}  // namespace nad
