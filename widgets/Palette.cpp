#include "Palette.h"

#include <algorithm>

namespace nad {

const QVector<QColor>& Palette::qualitative()
{
    static const QVector<QColor> colours = {
        QColor(0, 114, 178),    // blue
        QColor(230, 159, 0),    // orange
        QColor(0, 158, 115),    // bluish green
        QColor(204, 121, 167),  // reddish purple
        QColor(86, 180, 233),   // sky blue
        QColor(213, 94, 0),     // vermillion
        QColor(240, 228, 66),   // yellow
        QColor(0, 0, 0),        // black
    };
    return colours;
}

QColor Palette::category(int index)
{
    const auto& colours = qualitative();
    return colours[((index % colours.size()) + colours.size()) % colours.size()];
}

QVector<QPair<double, QColor>> Palette::sequentialStops()
{
    // Viridis sampled at nine points (matplotlib's published table); linear in between.
    static const QVector<QPair<double, QColor>> stops = {
        {0.000, QColor(68, 1, 84)},    {0.125, QColor(71, 44, 122)},  {0.250, QColor(59, 81, 139)},
        {0.375, QColor(44, 113, 142)}, {0.500, QColor(33, 144, 141)}, {0.625, QColor(39, 173, 129)},
        {0.750, QColor(92, 200, 99)},  {0.875, QColor(170, 220, 50)}, {1.000, QColor(253, 231, 37)},
    };
    return stops;
}

namespace {

// The colour at t in [0, 1] along `stops`, linear in between.
QColor interpolate(const QVector<QPair<double, QColor>>& stops, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    for (int i = 1; i < stops.size(); ++i) {
        if (t <= stops[i].first) {
            const double f = (t - stops[i - 1].first) / (stops[i].first - stops[i - 1].first);
            const QColor& a = stops[i - 1].second;
            const QColor& b = stops[i].second;
            return QColor::fromRgbF(float(a.redF() + f * (b.redF() - a.redF())),
                                    float(a.greenF() + f * (b.greenF() - a.greenF())),
                                    float(a.blueF() + f * (b.blueF() - a.blueF())));
        }
    }
    return stops.back().second;
}

}  // namespace

QColor Palette::sequential(double t)
{
    return interpolate(sequentialStops(), t);
}

QColor Palette::diverging(double t)
{
    // ColorBrewer's RdBu (7 classes, colour-blind safe), blue for negative, white at 0.
    static const QVector<QPair<double, QColor>> stops = {
        {0.000, QColor(33, 102, 172)},  {0.167, QColor(103, 169, 207)}, {0.333, QColor(209, 229, 240)},
        {0.500, QColor(247, 247, 247)}, {0.667, QColor(253, 219, 199)}, {0.833, QColor(239, 138, 98)},
        {1.000, QColor(178, 24, 43)},
    };
    return interpolate(stops, (t + 1.0) / 2.0);
}

}  // namespace nad
