#include "SweepDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nad {
namespace {

// LearnerOptions::sweepLambdas of the paper's or the specific objective, as the λ field shows it.
QString defaultLambdasText(bool specific)
{
    LearnerOptions options;
    if (specific)
        options.useSpecificObjective();
    QStringList values;
    for (double lambda : options.sweepLambdas())
        values.push_back(QString::number(lambda, 'g', 6));
    return values.join(QStringLiteral(", "));
}

QSpinBox* spin(QWidget* parent, int low, int high, int value, const QString& name)
{
    auto* box = new QSpinBox(parent);
    box->setRange(low, high);
    box->setValue(value);
    box->setObjectName(name);
    return box;
}

}  // namespace

SweepDialog::SweepDialog(const QStringList& models, const QString& currentModel, const QStringList& concepts,
                         const QStringList& checkedConcepts, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sweep λ"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Learns paths for the chosen concepts at each λ and measures them on validation images "
                                "carved from the training split (never the held-out split). The finished sweep is "
                                "stored in the project and drawn as a frontier."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("sweepModel"));
    m_model->addItems(models);
    m_model->setCurrentIndex(std::max(0, int(models.indexOf(currentModel))));
    form->addRow(tr("&Model:"), m_model);
    m_concepts = new QListWidget(this);
    m_concepts->setObjectName(QStringLiteral("sweepConcepts"));
    // The checked concepts of the concept panel, or all when fewer than two are checked.
    const bool useChecked = checkedConcepts.size() >= 2;
    for (const QString& name : concepts) {
        auto* item = new QListWidgetItem(name, m_concepts);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(!useChecked || checkedConcepts.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    m_concepts->setMaximumHeight(160);
    form->addRow(tr("&Concepts:"), m_concepts);
    m_objective = new QComboBox(this);
    m_objective->setObjectName(QStringLiteral("sweepObjective"));
    m_objective->addItem(tr("Sparse and specific"), QStringLiteral("specific"));
    m_objective->addItem(tr("Paper (Eq. 4–9)"), QStringLiteral("paper"));
    form->addRow(tr("&Objective:"), m_objective);
    m_lambdas = new QLineEdit(defaultLambdasText(true), this);
    m_lambdas->setObjectName(QStringLiteral("sweepLambdas"));
    form->addRow(tr("&λ values:"), m_lambdas);
    m_imagesPerConcept = spin(this, 16, 6000, 500, QStringLiteral("sweepImagesPerConcept"));
    form->addRow(tr("Learning &images per concept:"), m_imagesPerConcept);
    m_validationPerClass = spin(this, 10, 3000, 500, QStringLiteral("sweepValidationPerClass"));
    form->addRow(tr("&Validation images per class:"), m_validationPerClass);
    m_initializations = spin(this, 1, 10, 1, QStringLiteral("sweepInitializations"));
    form->addRow(tr("I&nitializations per λ:"), m_initializations);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b34700; }"));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start sweep"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_objective, qOverload<int>(&QComboBox::currentIndexChanged), this, &SweepDialog::objectiveChanged);
    connect(m_lambdas, &QLineEdit::textChanged, this, &SweepDialog::validate);
    connect(m_concepts, &QListWidget::itemChanged, this, &SweepDialog::validate);
    connect(m_model, qOverload<int>(&QComboBox::currentIndexChanged), this, &SweepDialog::validate);
    validate();
}

std::vector<double> SweepDialog::parseLambdas(const QString& text)
{
    std::vector<double> values;
    for (const QString& item : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = item.toDouble(&ok);
        if (!ok || !(value > 0))
            return {};
        values.push_back(value);
    }
    return values;
}

void SweepDialog::objectiveChanged()
{
    // A grid of one objective means nothing for the other: offer the other's grid, unless the
    // user typed their own.
    const QString typed = m_lambdas->text();
    if (typed == defaultLambdasText(false) || typed == defaultLambdasText(true) || typed.isEmpty())
        m_lambdas->setText(defaultLambdasText(m_objective->currentData().toString() == QLatin1String("specific")));
    validate();
}

QString SweepDialog::problem() const
{
    if (m_model->count() == 0)
        return tr("The project has no model to sweep.");
    int checked = 0;
    for (int i = 0; i < m_concepts->count(); ++i)
        checked += m_concepts->item(i)->checkState() == Qt::Checked ? 1 : 0;
    if (checked < 2)
        return tr("Choose at least two concepts: specificity and the knockout test compare concepts.");
    if (parseLambdas(m_lambdas->text()).empty())
        return tr("λ values: positive numbers separated by commas.");
    return {};
}

bool SweepDialog::isValid() const
{
    return problem().isEmpty();
}

void SweepDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

SweepRequest SweepDialog::request() const
{
    SweepRequest r;
    r.model = m_model->currentText().toStdString();
    for (int i = 0; i < m_concepts->count(); ++i)
        if (m_concepts->item(i)->checkState() == Qt::Checked)
            r.concepts.push_back(m_concepts->item(i)->text().toStdString());
    r.lambdas = parseLambdas(m_lambdas->text());
    if (m_objective->currentData().toString() == QLatin1String("specific"))
        r.learner.useSpecificObjective();
    r.learner.initializations = m_initializations->value();
    r.images.perConcept = std::size_t(m_imagesPerConcept->value());
    r.images.validationPerClass = std::size_t(m_validationPerClass->value());
    return r;
}

}  // namespace nad
