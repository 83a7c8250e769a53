#pragma once

#include <QColor>
#include <QVector>

namespace nad {

// Okabe & Ito's colour-blind-safe qualitative palette (Color Universal Design), used by every
// view so a figure reads the same for all readers and in grayscale print.
class Palette
{
public:
    static const QVector<QColor>& qualitative();
    // Colour `index` of the palette, cycling when there are more categories than colours.
    static QColor category(int index);
};

} // namespace nad
