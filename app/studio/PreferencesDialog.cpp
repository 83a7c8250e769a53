#include "PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nad {
namespace {
const QString kLanguage = QStringLiteral("language");
const QString kFormat = QStringLiteral("export/format");
const QString kWidth = QStringLiteral("export/widthMm");
const QString kHeight = QStringLiteral("export/heightMm");
const QString kDpi = QStringLiteral("export/dpi");
const QString kFontSize = QStringLiteral("export/fontPointSize");
const QString kFontFamily = QStringLiteral("export/fontFamily");
}  // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    const FigureExportOptions current = exportOptions();

    auto* general = new QGroupBox(tr("General"), this);
    auto* generalForm = new QFormLayout(general);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(language())));
    generalForm->addRow(tr("&Language:"), m_language);
    generalForm->addRow(QString(), new QLabel(tr("A new language applies when NAD Studio starts again."), general));

    auto* figures = new QGroupBox(tr("Figure export (Save figure as…)"), this);
    auto* figureForm = new QFormLayout(figures);
    m_format = new QComboBox(figures);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    for (const QString& format : {QStringLiteral("pdf"), QStringLiteral("svg"), QStringLiteral("png")})
        m_format->addItem(format.toUpper(), format);
    m_format->setCurrentIndex(std::max(0, m_format->findData(current.format)));
    figureForm->addRow(tr("Default &format:"), m_format);
    const auto sizeBox = [figures](double value) {
        auto* box = new QDoubleSpinBox(figures);
        box->setRange(0, 500);
        box->setDecimals(1);
        box->setSuffix(tr(" mm"));
        box->setSpecialValueText(tr("figure's default"));
        box->setValue(value);
        return box;
    };
    m_width = sizeBox(current.sizeMm.width());
    m_width->setObjectName(QStringLiteral("widthSpin"));
    m_height = sizeBox(current.sizeMm.height());
    figureForm->addRow(tr("&Width:"), m_width);
    figureForm->addRow(tr("&Height:"), m_height);
    figureForm->addRow(QString(),
                       new QLabel(tr("85 mm is one column of a two-column paper, 175 mm the full width."), figures));
    m_dpi = new QSpinBox(figures);
    m_dpi->setRange(72, 1200);
    m_dpi->setValue(current.dpi);
    m_dpi->setSuffix(tr(" dpi"));
    figureForm->addRow(tr("PNG &resolution:"), m_dpi);
    m_fontFamily = new QFontComboBox(figures);
    m_fontFamily->setCurrentFont(QFont(current.style.fontFamily));
    figureForm->addRow(tr("F&ont:"), m_fontFamily);
    m_fontSize = new QDoubleSpinBox(figures);
    m_fontSize->setRange(5, 24);
    m_fontSize->setDecimals(1);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(current.style.fontPointSize);
    figureForm->addRow(tr("Font &size:"), m_fontSize);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(figures);
    layout->addWidget(buttons);
}

QString PreferencesDialog::language()
{
    return QSettings().value(kLanguage).toString();
}

FigureExportOptions PreferencesDialog::exportOptions()
{
    QSettings settings;
    FigureExportOptions options;
    options.format = settings.value(kFormat, options.format).toString();
    if (!FigureExporter::isSupportedFormat(options.format))
        options.format = QStringLiteral("pdf");
    const double width = settings.value(kWidth, 0.0).toDouble();
    const double height = settings.value(kHeight, 0.0).toDouble();
    if (width > 0 && height > 0)
        options.sizeMm = QSizeF(width, height);
    options.dpi = std::clamp(settings.value(kDpi, options.dpi).toInt(), 72, 1200);
    options.style.fontPointSize =
        std::clamp(settings.value(kFontSize, options.style.fontPointSize).toDouble(), 5.0, 24.0);
    options.style.fontFamily = settings.value(kFontFamily, options.style.fontFamily).toString();
    return options;
}

void PreferencesDialog::accept()
{
    QSettings settings;
    settings.setValue(kLanguage, m_language->currentData().toString());
    settings.setValue(kFormat, m_format->currentData().toString());
    settings.setValue(kWidth, m_width->value());
    settings.setValue(kHeight, m_height->value());
    settings.setValue(kDpi, m_dpi->value());
    settings.setValue(kFontSize, m_fontSize->value());
    settings.setValue(kFontFamily, m_fontFamily->currentFont().family());
    QDialog::accept();
}

}  // namespace nad
