#include "RunReport.h"

#include "TextTable.h"
#include "analysis/KnockoutTest.h"
#include "analysis/SweepPoint.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>

namespace nad::cli {

namespace {

// The concepts in dendrogram order, wrapped to the terminal's usual width. A run of hundreds of
// concepts (ImageNet) shows the first kDendrogramNames: a line of a thousand names reads as
// nothing, and the similarity figure's CSV (`nad figures`) has every row in this order.
constexpr std::size_t kDendrogramNames = 40;
// Past this many concepts the per-concept tables become a summary (quantiles, the concepts that
// most need a look); every row stays in `nad export --what metrics`.
constexpr std::size_t kTableConcepts = 40;
constexpr std::size_t kListedConcepts = 8;
constexpr std::size_t kLineWidth = 100;

std::string fixed(double value, int digits = 3)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

// Minimum, quartiles and maximum of `values`, for the summary of a run of many concepts.
std::vector<std::string> quantiles(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    auto at = [&values](double q) { return fixed(values[std::size_t(q * double(values.size() - 1) + 0.5)]); };
    return {fixed(values.front()), at(0.25), at(0.5), at(0.75), fixed(values.back())};
}

// Many concepts: the distribution of each measure over concepts, and the concepts whose path
// loses the most specificity against the original network.
void printConceptSummary(std::ostream& out, const RunSummary& s)
{
    TextTable table(
        {"over " + std::to_string(s.concepts.size()) + " concepts", "min", "25 %", "median", "75 %", "max"});
    auto addMeasure = [&](const std::string& name, double ConceptEvaluation::*field) {
        std::vector<double> values;
        for (const auto& e : s.concepts)
            values.push_back(e.*field);
        auto row = quantiles(values);
        row.insert(row.begin(), name);
        table.addRow(row);
    };
    addMeasure("precision", &ConceptEvaluation::pathPrecision);
    addMeasure("  original", &ConceptEvaluation::originalPrecision);
    addMeasure("specificity", &ConceptEvaluation::pathSpecificity);
    addMeasure("  original", &ConceptEvaluation::originalSpecificity);
    addMeasure("AUROC", &ConceptEvaluation::pathAuroc);
    addMeasure("  original", &ConceptEvaluation::originalAuroc);
    addMeasure("usage", &ConceptEvaluation::usage);
    if (s.hasStability()) {
        auto row = quantiles(s.stability);
        row.insert(row.begin(), "stability");
        table.addRow(row);
    }
    table.print(out);
    std::vector<std::size_t> order(s.concepts.size());
    for (std::size_t c = 0; c < order.size(); ++c)
        order[c] = c;
    auto loss = [&s](std::size_t c) { return s.concepts[c].originalSpecificity - s.concepts[c].pathSpecificity; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return loss(a) > loss(b); });
    std::size_t degenerate = 0;
    for (const auto& e : s.concepts)
        degenerate += e.degenerate ? 1 : 0;
    out << degenerate << " of " << s.concepts.size() << " paths flagged DEGENERATE. Largest specificity losses:";
    for (std::size_t k = 0; k < std::min(kListedConcepts, order.size()); ++k)
        out << (k ? ", " : " ") << s.classNames[order[k]] << " " << fixed(s.concepts[order[k]].pathSpecificity) << " ("
            << fixed(s.concepts[order[k]].originalSpecificity) << ")";
    out << "\n(every concept's row: nad export PROJECT --what metrics)\n";
}

// Many concepts: the drops' distribution over concepts, and how many pass the causal rule.
void printKnockoutSummary(std::ostream& out, const RunSummary& s)
{
    std::vector<double> own, others, random;
    int causal = 0, withUnits = 0;
    for (const auto& k : s.knockout) {
        if (k.units == 0)
            continue;
        ++withUnits;
        own.push_back(k.ownDrop);
        others.push_back(k.othersDrop);
        random.push_back(k.randomOwnDrop);
        causal += k.causal() ? 1 : 0;
    }
    out << withUnits << " of " << s.knockout.size() << " concepts have units of their own; " << causal
        << " pass the causal rule (drop on c >= " << fixed(SweepPoint::kCausalDrop, 2)
        << " and 3x both the random control's and the others')";
    if (s.knockout.size() > KnockoutTest::kOtherConcepts + 1)
        out << "; each concept is compared with " << KnockoutTest::kOtherConcepts << " others drawn at random";
    out << ".\n";
    if (own.empty())
        return;
    TextTable table({"drop", "min", "25 %", "median", "75 %", "max"});
    for (auto [name, values] : {std::pair{"on c", &own}, {"on others", &others}, {"random on c", &random}}) {
        auto row = quantiles(*values);
        row.insert(row.begin(), name);
        table.addRow(row);
    }
    table.print(out);
}

// Per concept: precision, specificity and AUROC beside the original network's, usage, stability, steps.
void printConcepts(std::ostream& out, const RunSummary& s)
{
    TextTable table({"concept", "precision", "original", "specificity", "original", "AUROC", "original", "usage",
                     "stability", "steps", "flag"});
    double precision = 0, original = 0, specificity = 0, originalSpecificity = 0, auroc = 0, originalAuroc = 0;
    const double n = double(s.concepts.size());
    for (std::size_t c = 0; c < s.concepts.size(); ++c) {
        const auto& e = s.concepts[c];
        table.addRow({s.classNames[c], fixed(e.pathPrecision), fixed(e.originalPrecision), fixed(e.pathSpecificity),
                      fixed(e.originalSpecificity), fixed(e.pathAuroc), fixed(e.originalAuroc), fixed(e.usage),
                      s.hasStability() ? fixed(s.stability[c]) : "–", c < s.steps.size() ? fixed(s.steps[c], 0) : "–",
                      e.degenerate ? "DEGENERATE" : ""});
        precision += e.pathPrecision / n;
        original += e.originalPrecision / n;
        specificity += e.pathSpecificity / n;
        originalSpecificity += e.originalSpecificity / n;
        auroc += e.pathAuroc / n;
        originalAuroc += e.originalAuroc / n;
    }
    if (s.concepts.size() > kTableConcepts) {
        printConceptSummary(out, s);
        out << "mean: precision " << fixed(precision) << " (original " << fixed(original) << "), specificity "
            << fixed(specificity) << " (" << fixed(originalSpecificity) << "), AUROC " << fixed(auroc) << " ("
            << fixed(originalAuroc) << ")\n";
        return;
    }
    table.addRow({"mean", fixed(precision), fixed(original), fixed(specificity), fixed(originalSpecificity),
                  fixed(auroc), fixed(originalAuroc), "", "", "", ""});
    table.print(out);
    out << "(usage: mean over blocks of the share of units the path keeps, as Fig. 4; steps: taken until "
           "converged or the budget ran out, mean over initializations)\n";
}

// "yes" or "no" by the causal rule on the mean drops; with several initializations, in how many
// of them the rule held alone.
std::string causalText(const KnockoutResult& k)
{
    std::string text = k.causal() ? "yes" : "no";
    if (k.initializations > 1)
        text += " (in " + std::to_string(k.causalInitializations) + "/" + std::to_string(k.initializations) + ")";
    return text;
}

// The knockout test: each concept's own units off, against as many random units per block.
void printKnockout(std::ostream& out, const RunSummary& s)
{
    if (s.knockout.empty())
        return;
    const int initializations = s.knockout.front().initializations;
    out << "\nKnockout test ("
        << (initializations == 1 ? std::string("one initialization")
                                 : "mean over " + std::to_string(initializations) + " initializations")
        << "): top-1 accuracy drop with the concept's own units off (on in its path, off in most others'), vs as "
           "many random units per block (10 draws, mean ± std):\n";
    if (s.knockout.size() > kTableConcepts) {
        printKnockoutSummary(out, s);
        return;
    }
    TextTable table({"concept", "units", "drop on c", "on others", "random on c", "random on others", "causal"});
    int causal = 0;
    for (std::size_t c = 0; c < s.knockout.size() && c < s.classNames.size(); ++c) {
        const auto& k = s.knockout[c];
        if (k.units == 0) {  // every unit its path keeps, most other paths keep too
            table.addRow({s.classNames[c], "0", "–", "–", "–", "–", ""});
            continue;
        }
        causal += k.causal() ? 1 : 0;
        table.addRow({s.classNames[c], std::to_string(k.units), fixed(k.ownDrop), fixed(k.othersDrop),
                      fixed(k.randomOwnDrop) + " ± " + fixed(k.randomOwnDropStd),
                      fixed(k.randomOthersDrop) + " ± " + fixed(k.randomOthersDropStd), causalText(k)});
    }
    table.print(out);
    out << causal << " of " << s.knockout.size()
        << " concepts causal (drop on c >= " << fixed(SweepPoint::kCausalDrop, 2)
        << " and 3x both the random control's and the others'"
        << (initializations > 1 ? ", on the mean drops; \"in k/n\": the initializations that pass alone" : "")
        << "; –: no units of its own: every unit its path keeps, most other concepts' paths keep too)\n";
}

void printBlocks(std::ostream& out, const RunSummary& s)
{
    out << "\nUnit usage per block:";
    for (double u : s.usagePerBlock)
        out << ' ' << fixed(u, 2);
    if (!s.sharingPerBlock.empty()) {
        out << "\nUnits per block used by every / some / one concept:";
        for (const auto& b : s.sharingPerBlock)
            out << ' ' << fixed(b.all, 0) << '/' << fixed(b.some, 0) << '/' << fixed(b.one, 0);
    }
}

}  // namespace

void RunReport::printDendrogramOrder(std::ostream& out, const std::vector<std::string>& names,
                                     const std::vector<std::size_t>& order)
{
    const std::size_t shown = std::min(order.size(), kDendrogramNames);
    std::string line = "Dendrogram order";
    if (shown < order.size())
        line += " (first " + std::to_string(shown) + " of " + std::to_string(order.size()) + ")";
    line += ":";
    bool lineHasNames = false;  // a continuation line starts with its indent only
    for (std::size_t i = 0; i < shown; ++i) {
        const std::string& name = names[order[i]];
        if (lineHasNames && line.size() + 1 + name.size() > kLineWidth) {
            out << line << '\n';
            line = " ";
        }
        line += " " + name;
        lineHasNames = true;
    }
    out << line << '\n';
    if (shown < order.size())
        out << "  … " << order.size() - shown
            << " more; every concept in this order: the similarity figure's CSV (nad figures)\n";
}

void RunReport::print(std::ostream& out, const RunSummary& s)
{
    out << "Run " << s.runId << " (" << s.modelName << ", " << s.initializations << " initialization(s)), "
        << "held-out images:\n";
    printConcepts(out, s);
    printKnockout(out, s);
    printBlocks(out, s);
    out << "\nInterpretability I (Eq. 12): " << fixed(s.interpretabilityMean, 5);
    out << " ± " << (s.hasStability() ? fixed(s.interpretabilityStd, 5) : "–");
    out << "\nVar(M) over concept pairs: " << fixed(s.similarityVariance, 5);
    out << "\nClustering vs hierarchy (adjusted Rand index): " << fixed(s.adjustedRandIndex) << '\n';
    printDendrogramOrder(out, s.classNames, s.leafOrder);
    for (const auto& warning : s.warnings())
        out << "WARNING: " << warning << '\n';
}

}  // namespace nad::cli
