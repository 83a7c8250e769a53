#pragma once

#include "jobs/SweepJob.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace nad {

// Asks what to sweep: the model, the concepts (those checked in the concept panel first), the
// objective and its λ values, the images per concept and the validation split, and the
// initializations per point. The sweep itself runs on SweepController.
class SweepDialog : public QDialog
{
    Q_OBJECT
public:
    SweepDialog(const QStringList& models, const QString& currentModel, const QStringList& concepts,
                const QStringList& checkedConcepts, QWidget* parent = nullptr);

    // The sweep as asked (project and zoo are the caller's). Valid only when isValid().
    SweepRequest request() const;
    bool isValid() const;
    // Why OK is disabled (empty when it is not).
    QString problem() const;

    // The λ list as typed ("0.2, 0.4 0.8"): positive numbers separated by commas or spaces;
    // empty when any item is not one.
    static std::vector<double> parseLambdas(const QString& text);

    QComboBox* objective() const { return m_objective; }
    QLineEdit* lambdas() const { return m_lambdas; }
    QListWidget* concepts() const { return m_concepts; }

private:
    void objectiveChanged();
    void validate();

    QComboBox* m_model = nullptr;
    QListWidget* m_concepts = nullptr;
    QComboBox* m_objective = nullptr;
    QLineEdit* m_lambdas = nullptr;
    QSpinBox* m_imagesPerConcept = nullptr;
    QSpinBox* m_validationPerClass = nullptr;
    QSpinBox* m_initializations = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace nad
