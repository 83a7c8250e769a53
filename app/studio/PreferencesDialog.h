#pragma once

#include "figures/FigureExporter.h"

#include <QDialog>

class QComboBox;
class QFontComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace nad {

// Preferences: the interface language (takes effect on the next start) and the settings
// "Save figure as…" exports with. Stored in QSettings.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // The language override ("" follows the system), as main() reads it.
    static QString language();
    // Export settings from QSettings; `format` is the default file type of the save dialog.
    static FigureExportOptions exportOptions();

    void accept() override;

private:
    QComboBox* m_language = nullptr;
    QComboBox* m_format = nullptr;
    QDoubleSpinBox* m_width = nullptr;
    QDoubleSpinBox* m_height = nullptr;
    QSpinBox* m_dpi = nullptr;
    QDoubleSpinBox* m_fontSize = nullptr;
    QFontComboBox* m_fontFamily = nullptr;
};

}  // namespace nad
