#include "Palette.h"

namespace nad {

const QVector<QColor>& Palette::qualitative()
{
    static const QVector<QColor> colours = {
        QColor(0, 114, 178),   // blue
        QColor(230, 159, 0),   // orange
        QColor(0, 158, 115),   // bluish green
        QColor(204, 121, 167), // reddish purple
        QColor(86, 180, 233),  // sky blue
        QColor(213, 94, 0),    // vermillion
        QColor(240, 228, 66),  // yellow
        QColor(0, 0, 0),       // black
    };
    return colours;
}

QColor Palette::category(int index)
{
    const auto& colours = qualitative();
    return colours[((index % colours.size()) + colours.size()) % colours.size()];
}

} // namespace nad
