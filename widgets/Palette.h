#pragma once

#include <QColor>
#include <QPair>
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
    // Viridis (perceptually uniform, colour-blind safe, readable in grayscale) at t in [0, 1],
    // for heat maps and activation overlays.
    static QColor sequential(double t);
    // A signed value t in [−1, 1]: blue below 0, white at 0, red above (ColorBrewer RdBu), for
    // differences such as a path's activation against the original network's.
    static QColor diverging(double t);
    // The sequential scale as colour stops (position, colour) for gradients.
    static QVector<QPair<double, QColor>> sequentialStops();
};

}  // namespace nad
