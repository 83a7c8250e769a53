#include "RunReport.h"

#include "TextTable.h"

#include <cstdio>

namespace nad::cli {

namespace {

std::string fixed(double value, int digits = 3)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

}  // namespace

void RunReport::print(std::ostream& out, const RunSummary& s)
{
    out << "Run " << s.runId << " (" << s.modelName << ", " << s.initializations << " initialization(s)), "
        << "held-out images:\n";
    TextTable table({"concept", "precision", "original", "specificity", "original", "usage", "stability", "flag"});
    double precision = 0, original = 0, specificity = 0, originalSpecificity = 0;
    for (std::size_t c = 0; c < s.concepts.size(); ++c) {
        const auto& e = s.concepts[c];
        table.addRow({s.classNames[c], fixed(e.pathPrecision), fixed(e.originalPrecision), fixed(e.pathSpecificity),
                      fixed(e.originalSpecificity), fixed(e.usage), fixed(s.stability[c]),
                      e.degenerate ? "DEGENERATE" : ""});
        precision += e.pathPrecision / double(s.concepts.size());
        original += e.originalPrecision / double(s.concepts.size());
        specificity += e.pathSpecificity / double(s.concepts.size());
        originalSpecificity += e.originalSpecificity / double(s.concepts.size());
    }
    table.addRow(
        {"mean", fixed(precision), fixed(original), fixed(specificity), fixed(originalSpecificity), "", "", ""});
    table.print(out);
    out << "\nUnit usage per block:";
    for (double u : s.usagePerBlock)
        out << ' ' << fixed(u, 2);
    out << "\nInterpretability I (Eq. 12): " << fixed(s.interpretabilityMean, 5);
    if (s.initializations > 1)
        out << " ± " << fixed(s.interpretabilityStd, 5);
    out << "\nClustering vs hierarchy (adjusted Rand index): " << fixed(s.adjustedRandIndex) << "\nDendrogram order:";
    for (auto leaf : s.leafOrder)
        out << ' ' << s.classNames[leaf];
    out << '\n';
}

}  // namespace nad::cli
