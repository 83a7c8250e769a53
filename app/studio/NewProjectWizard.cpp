#include "NewProjectWizard.h"

#include "QtText.h"
#include "UserDataDirectory.h"
#include "data/DatasetInspector.h"
#include "data/FashionMnist.h"
#include "store/ImportedProject.h"
#include "zoo/ModelZoo.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <optional>

namespace nad {
namespace {

const QStringList kFamilies{QStringLiteral("vgg"), QStringLiteral("resnet"), QStringLiteral("densenet"),
                            QStringLiteral("darts")};

// The last page: complete once the setup job has succeeded.
class CompletionPage : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    bool isComplete() const override { return m_complete; }
    void setComplete(bool complete)
    {
        m_complete = complete;
        Q_EMIT completeChanged();
    }

private:
    bool m_complete = false;
};

QLabel* problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problemLabel"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

// A line edit with a "Browse…" button that opens a file or folder dialog.
QWidget* pathField(QLineEdit* edit, bool folder, const QString& filter, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QPushButton(NewProjectWizard::tr("Browse…"), row);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, folder, filter, row] {
        const QString chosen =
            folder ? QFileDialog::getExistingDirectory(row, NewProjectWizard::tr("Choose a folder"), edit->text())
                   : QFileDialog::getOpenFileName(row, NewProjectWizard::tr("Choose a file"), edit->text(), filter);
        if (!chosen.isEmpty())
            edit->setText(QDir::toNativeSeparators(chosen));
    });
    return row;
}

}  // namespace

NewProjectWizard::NewProjectWizard(const QString& zooDirectory, QWidget* parent)
    : QWizard(parent), m_zooDirectory(zooDirectory)
{
    setWindowTitle(tr("New Project"));
    setObjectName(QStringLiteral("newProjectWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    m_job = new ProjectSetupJob(this);
    setPage(ChoosePage, createChoosePage());
    setPage(DemoPage, createDemoPage());
    setPage(ImportPage, createImportPage());
    setPage(SetupPage, createSetupPage());
    setStartId(ChoosePage);
    resize(720, 520);
}

NewProjectWizard::~NewProjectWizard() = default;

QWizardPage* NewProjectWizard::createChoosePage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("What do you want to take apart?"));
    m_demoChoice = new QRadioButton(
        tr("The built-in &demo: Fashion-MNIST with the model zoo (VGG, ResNet, DenseNet, DARTS)"), page);
    m_demoChoice->setObjectName(QStringLiteral("demoChoice"));
    m_importChoice = new QRadioButton(tr("My &own model: a TorchScript file and an ImageFolder data set"), page);
    m_importChoice->setObjectName(QStringLiteral("importChoice"));
    m_demoChoice->setChecked(true);
    m_projectPath = new QLineEdit(page);
    m_projectPath->setObjectName(QStringLiteral("projectPathEdit"));
    m_projectPath->setText(QDir::toNativeSeparators(qs(UserDataDirectory::demoProjectPath())));
    auto* browse = new QPushButton(tr("Browse…"), page);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Project file"), m_projectPath->text(), tr("NAD projects (*.nad)"),
                                         nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_projectPath->setText(
                QDir::toNativeSeparators(path.endsWith(QLatin1String(".nad")) ? path : path + QStringLiteral(".nad")));
    });
    connect(m_importChoice, &QRadioButton::toggled, this, [this](bool own) {
        // Suggest a fresh file for an own model; the demo project has its per-user place.
        const QString demo = QDir::toNativeSeparators(qs(UserDataDirectory::demoProjectPath()));
        if (own && m_projectPath->text() == demo)
            m_projectPath->setText(QDir::toNativeSeparators(QDir::home().filePath(QStringLiteral("my-model.nad"))));
        else if (!own && m_projectPath->text().isEmpty())
            m_projectPath->setText(demo);
    });
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_projectPath, 1);
    pathRow->addWidget(browse);
    m_chooseProblem = problemLabel(page);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_demoChoice);
    layout->addWidget(m_importChoice);
    layout->addSpacing(12);
    auto* pathLabel = new QLabel(tr("&Project file:"), page);
    pathLabel->setBuddy(m_projectPath);
    layout->addWidget(pathLabel);
    layout->addLayout(pathRow);
    layout->addWidget(m_chooseProblem);
    layout->addStretch(1);
    return page;
}

QWizardPage* NewProjectWizard::createDemoPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("The Fashion-MNIST demo"));
    page->setSubTitle(
        tr("Models missing from the zoo are trained now (about 1 to 3 minutes per model and epoch on two cores)."));
    auto* form = new QFormLayout;
    m_fashionMnist =
        new QLineEdit(QDir::toNativeSeparators(QString::fromLatin1(FashionMnist::kDefaultDirectory)), page);
    m_fashionMnist->setObjectName(QStringLiteral("fashionMnistEdit"));
    connect(m_fashionMnist, &QLineEdit::editingFinished, this, &NewProjectWizard::refreshZooStatus);
    form->addRow(tr("Fashion-MNIST &folder:"), pathField(m_fashionMnist, true, QString(), page));
    auto* familyBox = new QWidget(page);
    auto* familyLayout = new QVBoxLayout(familyBox);
    familyLayout->setContentsMargins(0, 0, 0, 0);
    for (const QString& family : kFamilies) {
        auto* box = new QCheckBox(family, familyBox);
        box->setObjectName(family + QStringLiteral("Family"));
        box->setChecked(family == QLatin1String("vgg"));
        m_families << box;
        familyLayout->addWidget(box);
    }
    form->addRow(tr("Models:"), familyBox);
    m_epochs = new QSpinBox(page);
    m_epochs->setObjectName(QStringLiteral("epochsSpin"));
    m_epochs->setRange(0, 100);
    m_epochs->setSpecialValueText(tr("family default"));
    m_epochs->setValue(1);  // as `nad demo`: the shipped zoo models' epochs, so they are installed, not trained
    m_epochs->setToolTip(tr("Epochs for a model that has to be trained"));
    form->addRow(tr("Training &epochs:"), m_epochs);
    m_demoProblem = problemLabel(page);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_demoProblem);
    layout->addStretch(1);
    return page;
}

QWizardPage* NewProjectWizard::createImportPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("Your model and data set"));
    page->setSubTitle(tr("Export the model with torch.jit.save; the block spec says which submodules are the blocks "
                         "(README: \"Importing your own model\")."));
    auto* form = new QFormLayout;
    m_modelFile = new QLineEdit(page);
    m_modelFile->setObjectName(QStringLiteral("modelFileEdit"));
    form->addRow(tr("&TorchScript model:"),
                 pathField(m_modelFile, false, tr("TorchScript (*.pt *.pth *.ts);;All files (*)"), page));
    m_preset = new QComboBox(page);
    m_preset->setObjectName(QStringLiteral("importPresetCombo"));
    m_preset->addItem(tr("torchvision VGG16"), QStringLiteral("vgg16"));
    m_preset->addItem(tr("torchvision ResNet50"), QStringLiteral("resnet50"));
    m_preset->addItem(tr("torchvision DenseNet121"), QStringLiteral("densenet121"));
    m_preset->addItem(tr("Block spec file…"), QString());
    form->addRow(tr("&Blocks:"), m_preset);
    m_specFile = new QLineEdit(page);
    m_specFile->setObjectName(QStringLiteral("specFileEdit"));
    QWidget* specRow = pathField(m_specFile, false, tr("Block spec (*.json);;All files (*)"), page);
    form->addRow(tr("Block &spec file:"), specRow);
    specRow->setEnabled(false);
    connect(m_preset, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this, specRow] { specRow->setEnabled(m_preset->currentData().toString().isEmpty()); });
    m_inputSize = new QSpinBox(page);
    m_inputSize->setRange(0, 1024);
    m_inputSize->setSpecialValueText(tr("as the spec says"));
    m_inputSize->setSuffix(tr(" px"));
    form->addRow(tr("&Input size:"), m_inputSize);
    m_imageFolder = new QLineEdit(page);
    m_imageFolder->setObjectName(QStringLiteral("imageFolderEdit"));
    form->addRow(tr("Image &folder:"), pathField(m_imageFolder, true, QString(), page));
    m_hierarchyFile = new QLineEdit(page);
    m_hierarchyFile->setObjectName(QStringLiteral("hierarchyFileEdit"));
    m_hierarchyFile->setPlaceholderText(tr("optional: primary concepts and their classes"));
    form->addRow(tr("&Hierarchy file:"), pathField(m_hierarchyFile, false, tr("JSON (*.json);;All files (*)"), page));
    m_importProblem = problemLabel(page);
    m_importSummary = new QLabel(page);
    m_importSummary->setObjectName(QStringLiteral("importSummary"));
    m_importSummary->setWordWrap(true);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_importProblem);
    layout->addWidget(m_importSummary);
    layout->addStretch(1);
    return page;
}

QWizardPage* NewProjectWizard::createSetupPage()
{
    auto* page = new CompletionPage(this);
    page->setTitle(tr("Creating the project"));
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("setupProgress"));
    m_progress->setRange(0, 1000);
    m_progressText = new QLabel(page);
    m_progressText->setWordWrap(true);
    m_log = new QPlainTextEdit(page);
    m_log->setObjectName(QStringLiteral("setupLog"));
    m_log->setReadOnly(true);
    auto* cancel = new QPushButton(tr("Cancel &training"), page);
    cancel->setObjectName(QStringLiteral("setupCancelButton"));
    connect(cancel, &QPushButton::clicked, m_job, &BackgroundJob::cancel);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressText);
    layout->addWidget(m_log, 1);
    layout->addWidget(cancel, 0, Qt::AlignRight);

    connect(m_job, &BackgroundJob::progressed, this, [this](double fraction, const QString& text) {
        if (fraction < 0)
            m_progress->setRange(0, 0);
        else {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(1000 * fraction));
        }
        m_progressText->setText(text);
    });
    connect(m_job, &ProjectSetupJob::logLine, m_log, &QPlainTextEdit::appendPlainText);
    connect(m_job, &BackgroundJob::finished, this, [this, page, cancel](bool cancelled) {
        cancel->setEnabled(false);
        m_progress->setRange(0, 1000);
        if (cancelled) {
            m_progressText->setText(tr("Cancelled. Press Back to change the choices or Cancel to close."));
            button(QWizard::BackButton)->setEnabled(true);
            return;
        }
        m_progress->setValue(1000);
        m_progressText->setText(tr("The project is ready. Press Finish to open it."));
        m_setupDone = true;
        page->setComplete(true);
    });
    connect(m_job, &BackgroundJob::failed, this, [this, cancel](const QString& message) {
        cancel->setEnabled(false);
        m_progress->setRange(0, 1000);
        m_progress->setValue(0);
        m_progressText->setText(tr("Failed: %1").arg(message));
        m_log->appendPlainText(tr("Failed: %1").arg(message));
    });
    return page;
}

void NewProjectWizard::setDatasetDirectory(const QString& directory)
{
    m_fashionMnist->setText(QDir::toNativeSeparators(directory));
}

void NewProjectWizard::setProjectPath(const QString& path)
{
    m_projectPath->setText(QDir::toNativeSeparators(path));
}

void NewProjectWizard::setDemoFamilies(const QStringList& families)
{
    for (QCheckBox* box : m_families)
        box->setChecked(families.contains(box->text()));
}

void NewProjectWizard::setDemoEpochs(int epochs)
{
    m_epochs->setValue(epochs);
}

int NewProjectWizard::nextId() const
{
    switch (currentId()) {
    case ChoosePage:
        return m_demoChoice->isChecked() ? DemoPage : ImportPage;
    case DemoPage:
    case ImportPage:
        return SetupPage;
    default:
        return -1;
    }
}

void NewProjectWizard::showProblem(QLabel* label, const QString& message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

bool NewProjectWizard::validateCurrentPage()
{
    switch (currentId()) {
    case ChoosePage: {
        const QFileInfo file(QDir::fromNativeSeparators(m_projectPath->text().trimmed()));
        QString problem;
        if (m_projectPath->text().trimmed().isEmpty())
            problem = tr("Choose where the project file goes.");
        else if (!file.absoluteDir().exists())
            problem = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(file.absolutePath()));
        else if (m_importChoice->isChecked() && file.exists())
            problem = tr("%1 exists already; choose a new file name (a project is never overwritten).")
                          .arg(QDir::toNativeSeparators(file.absoluteFilePath()));
        showProblem(m_chooseProblem, problem);
        return problem.isEmpty();
    }
    case DemoPage:
        return validateDemo();
    case ImportPage:
        return validateImport();
    default:
        return QWizard::validateCurrentPage();
    }
}

bool NewProjectWizard::validateDemo()
{
    QString problem;
    try {
        const DatasetSummary summary =
            DatasetInspector::inspect(QDir::fromNativeSeparators(m_fashionMnist->text()).toStdString());
        if (summary.kind != "idx" || summary.classNames.size() != 10)
            problem = tr("%1 is not a Fashion-MNIST folder (expected the four IDX files of 10 classes).")
                          .arg(m_fashionMnist->text());
    } catch (const std::exception& e) {
        problem = qs(e.what());
    }
    if (problem.isEmpty() &&
        std::none_of(m_families.begin(), m_families.end(), [](QCheckBox* b) { return b->isChecked(); }))
        problem = tr("Choose at least one model family.");
    showProblem(m_demoProblem, problem);
    return problem.isEmpty();
}

bool NewProjectWizard::validateImport()
{
    const ProjectSetupRequest request = setupRequest();
    // Checking loads the model and runs one image through its blocks (seconds for a ResNet50):
    // LibTorch works on its own thread while a local loop keeps the window responsive.
    std::optional<ImportedProjectPlan> plan;
    QString problem;
    QThread* worker = QThread::create([&] {
        try {
            plan = ImportedProject::check(request.imported);
        } catch (const std::exception& e) {
            problem = qs(e.what());
        }
    });
    QEventLoop loop;
    connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    worker->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    delete worker;
    QApplication::restoreOverrideCursor();
    if (plan)
        m_importSummary->setText(tr("Model %1: %2 blocks, %3 classes, input %4×%4. Data set %5: %6 classes.")
                                     .arg(qs(plan->modelName))
                                     .arg(plan->model.blocks.size())
                                     .arg(plan->model.classCount())
                                     .arg(plan->model.inputSize())
                                     .arg(qs(plan->datasetName))
                                     .arg(plan->dataset.classNames.size()));
    else
        m_importSummary->clear();
    showProblem(m_importProblem, problem);
    return problem.isEmpty();
}

ProjectSetupRequest NewProjectWizard::setupRequest() const
{
    ProjectSetupRequest request;
    request.projectPath = QDir::fromNativeSeparators(m_projectPath->text().trimmed()).toStdString();
    request.zooDirectory = m_zooDirectory.toStdString();
    if (m_demoChoice->isChecked()) {
        request.kind = ProjectSetupRequest::Kind::Demo;
        request.datasetDirectory = QDir::fromNativeSeparators(m_fashionMnist->text().trimmed()).toStdString();
        for (QCheckBox* box : m_families)
            if (box->isChecked())
                request.families.push_back(box->text().toStdString());
        request.epochs = m_epochs->value();
    } else {
        request.kind = ProjectSetupRequest::Kind::Imported;
        ImportedProjectRequest& imported = request.imported;
        imported.projectPath = request.projectPath;
        imported.modelPath = QDir::fromNativeSeparators(m_modelFile->text().trimmed()).toStdString();
        imported.preset = m_preset->currentData().toString().toStdString();
        if (imported.preset.empty())
            imported.specPath = QDir::fromNativeSeparators(m_specFile->text().trimmed()).toStdString();
        imported.inputSize = m_inputSize->value();
        imported.datasetPath = QDir::fromNativeSeparators(m_imageFolder->text().trimmed()).toStdString();
        imported.hierarchyPath = QDir::fromNativeSeparators(m_hierarchyFile->text().trimmed()).toStdString();
    }
    return request;
}

void NewProjectWizard::refreshZooStatus()
{
    const ModelZoo zoo(m_zooDirectory.toStdString());
    for (QCheckBox* box : m_families) {
        const auto best = zoo.best(box->text().toStdString());
        box->setToolTip(best ? tr("In the zoo: %1 (%2 % test accuracy)")
                                   .arg(qs(best->name))
                                   .arg(100.0 * best->testAccuracy, 0, 'f', 2)
                             : tr("Not in the zoo yet: installed from the models shipped with NAD Studio when "
                                  "the training epochs are 1 (theirs), else trained when the project is created"));
    }
}

void NewProjectWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == DemoPage)
        refreshZooStatus();
    if (id == SetupPage) {
        m_setupDone = false;
        m_log->clear();
        m_progress->setValue(0);
        if (auto* cancel = findChild<QPushButton*>(QStringLiteral("setupCancelButton")))
            cancel->setEnabled(true);
        static_cast<CompletionPage*>(page(SetupPage))->setComplete(false);
        m_job->start(setupRequest());
    }
}

void NewProjectWizard::done(int result)
{
    if (m_job->isRunning()) {
        // Closing while models train: stop them (nothing half-trained is kept), then close.
        m_job->cancel();
        m_job->wait(-1);
    }
    if (result == QDialog::Accepted && m_setupDone)
        Q_EMIT projectCreated(QDir::fromNativeSeparators(m_projectPath->text().trimmed()));
    QWizard::done(result);
}

}  // namespace nad
