#pragma once

#include <QFont>
#include <QString>

namespace nad {

// Fonts and strokes of a figure. Sizes are typographic points, resolved at 96 logical pixels
// per inch on every device (screen, PNG, SVG, PDF), so an 8 pt label is 8 pt on paper.
struct FigureStyle
{
    QString fontFamily = QStringLiteral("DejaVu Sans");
    double fontPointSize = 8.0;  // tick and axis labels; titles are 1 pt larger
    double lineWidth = 1.2;      // data lines, in points

    QFont font(double extraPoints = 0, bool bold = false) const
    {
        QFont f(fontFamily);
        f.setPointSizeF(fontPointSize + extraPoints);
        f.setBold(bold);
        return f;
    }
};

}  // namespace nad
