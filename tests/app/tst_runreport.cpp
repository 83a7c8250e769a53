// The CLI's run report stays readable for a run of many concepts: the dendrogram order, the
// per-concept and knockout tables.
#include "ProjectReport.h"
#include "RunReport.h"
#include "data/DatasetInspector.h"
#include "store/ProjectStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

// The whole report of `s`, given one block of usage 0.6 (least 0.5).
std::string reportOf(nad::RunSummary s)
{
    s.usagePerBlock = {0.6};
    s.minUsagePerBlock = {0.5};
    std::ostringstream out;
    nad::cli::RunReport::print(out, s);
    return out.str();
}

std::string orderOf(const std::vector<std::string>& names, const std::vector<std::size_t>& order)
{
    std::ostringstream out;
    nad::cli::RunReport::printDendrogramOrder(out, names, order);
    return out.str();
}

}  // namespace

class TestRunReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fewConceptsOnOneLineInLeafOrder()
    {
        const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover"};
        QCOMPARE(orderOf(names, {2, 0, 1}), std::string("Dendrogram order: Pullover T-shirt/top Trouser\n"));
    }

    // `nad project new` and `nad project info` on a 1,000-class data set list the first 20
    // concepts and say how many more there are (issue 16: a report that stays readable).
    void projectReportListsTheFirstConceptsOfAManyClassDataSet()
    {
        QTemporaryDir dir;
        nad::DatasetSummary summary;
        summary.path = "/data/imagenet";
        summary.kind = "imagefolder";
        summary.channels = 3;
        summary.height = summary.width = 256;
        for (int c = 0; c < 1000; ++c)
            summary.classNames.push_back("n" + std::to_string(10000000 + c));
        summary.splits = {{"train", "/data/imagenet/train", 5000, std::vector<std::size_t>(1000, 5)},
                          {"val", "/data/imagenet/val", 50000, std::vector<std::size_t>(1000, 50)}};
        const std::string file = dir.filePath(QStringLiteral("big.nad")).toStdString();
        nad::ProjectStore::create(file, [&](nad::ProjectStore& staged) { staged.addDataset(summary, "imagenet"); });
        std::ostringstream out;
        nad::cli::ProjectReport::print(out, nad::ProjectStore::open(file, nad::ProjectStore::Mode::ReadOnly));
        const std::string text = out.str();
        QVERIFY(lines(text).size() < 40);
        QVERIFY(text.find("n10000019") != std::string::npos);
        QVERIFY(text.find("n10000020") == std::string::npos);
        QVERIFY(text.find("980 more") != std::string::npos);
        QVERIFY(text.find("--json") != std::string::npos);
    }

    void manyConceptsAreCutAndWrapped()
    {
        // 1,000 ImageNet-like names: the report names the first 40, in leaf order, on lines of at
        // most 100 columns, and says where the rest is.
        std::vector<std::string> names;
        std::vector<std::size_t> order;
        for (int i = 0; i < 1000; ++i) {
            names.push_back("n" + std::to_string(10000000 + i) + "_class");
            order.push_back(std::size_t(999 - i));
        }
        const std::string text = orderOf(names, order);
        const auto rows = lines(text);
        QVERIFY(rows.size() >= 3);
        QVERIFY(rows.front().rfind("Dendrogram order (first 40 of 1000):", 0) == 0);
        for (const auto& row : rows)
            QVERIFY2(row.size() <= 100 || row.rfind("  …", 0) == 0, row.c_str());
        QVERIFY(rows.back().find("960 more") != std::string::npos);
        std::string shown;
        for (std::size_t r = 0; r + 1 < rows.size(); ++r)
            shown += rows[r] + " ";
        std::size_t from = 0;
        for (int k = 0; k < 40; ++k) {  // every shown name, in the dendrogram's order
            const std::size_t at = shown.find(names[order[std::size_t(k)]], from);
            QVERIFY2(at != std::string::npos, names[order[std::size_t(k)]].c_str());
            from = at + 1;
        }
        QVERIFY(shown.find(names[order[40]]) == std::string::npos);
    }

    // The knockout table says over how many initializations the drops are means, judges the
    // causal rule on the means, and shows in how many initializations it held alone.
    void knockoutTableJudgesTheMeansAndCountsTheInitializations()
    {
        nad::RunSummary s;
        s.modelName = "m";
        s.initializations = 3;
        for (int c = 0; c < 3; ++c) {
            nad::ConceptEvaluation e;
            e.classIndex = c;
            s.concepts.push_back(e);
            s.classNames.push_back("class" + std::to_string(c));
            s.steps.push_back(3);
            s.stability.push_back(0.9);
            nad::KnockoutResult k;
            k.classIndex = c;
            k.units = c == 2 ? 0 : 7;
            k.ownDrop = c == 0 ? 0.40 : 0.12;  // class1: 0.12 < 3 × 0.05, not causal on the means
            k.othersDrop = 0.01;
            k.randomOwnDrop = c == 0 ? 0.02 : 0.05;
            k.initializations = 3;
            k.causalInitializations = c == 0 ? 2 : (c == 1 ? 1 : 0);
            s.knockout.push_back(k);
        }
        const std::string text = reportOf(s);
        QVERIFY2(text.find("Knockout test (mean over 3 initializations)") != std::string::npos, text.c_str());
        std::string row0, row1;
        for (const auto& row : lines(text)) {
            if (row.rfind("  class0 ", 0) == 0 && row.find("± ") != std::string::npos)
                row0 = row;
            if (row.rfind("  class1 ", 0) == 0 && row.find("± ") != std::string::npos)
                row1 = row;
        }
        QVERIFY2(row0.find("yes (in 2/3)") != std::string::npos, row0.c_str());
        QVERIFY2(row1.find("no (in 1/3)") != std::string::npos, row1.c_str());
        QVERIFY2(text.find("1 of 3 concepts causal") != std::string::npos, text.c_str());
    }

    // Issue 16: past 40 concepts the per-concept tables become quantiles, the count of degenerate
    // paths, the concepts that lose the most specificity, and the knockout's causal count.
    void manyConceptsAreSummarised()
    {
        nad::RunSummary s;
        s.runId = 3;
        s.modelName = "m";
        s.initializations = 1;
        for (int c = 0; c < 200; ++c) {
            nad::ConceptEvaluation e;
            e.classIndex = c;
            e.pathPrecision = e.originalPrecision = 0.5 + 0.002 * c;  // 0.500 … 0.898
            e.originalSpecificity = 0.99;
            e.pathSpecificity = c == 7 ? 0.30 : (c == 150 ? 0.80 : 0.98);
            e.degenerate = c == 7;
            e.usage = 0.6;
            s.concepts.push_back(e);
            s.classNames.push_back("class" + std::to_string(c));
            s.steps.push_back(3);
            nad::KnockoutResult k;
            k.classIndex = c;
            k.units = 4;
            k.ownDrop = c < 50 ? 0.5 : 0.0;  // 50 concepts causal: 0.5 ≥ 0.10 and ≥ 3× 0.01
            k.othersDrop = k.randomOwnDrop = 0.01;
            s.knockout.push_back(k);
        }
        const std::string text = reportOf(s);
        QVERIFY2(text.size() < 4000, text.c_str());  // not 200 rows twice
        QVERIFY(text.find("class123") == std::string::npos);
        QVERIFY(text.find("over 200 concepts") != std::string::npos);
        std::string precision;  // the precision row: min, quartiles, max
        for (const auto& row : lines(text))
            if (row.rfind("  precision", 0) == 0)
                precision = row;
        std::size_t from = 0;
        for (const char* value : {"0.500", "0.600", "0.700", "0.798", "0.898"}) {
            from = precision.find(value, from);
            QVERIFY2(from != std::string::npos, (precision + " lacks " + value).c_str());
        }
        QVERIFY2(text.find("1 of 200 paths flagged DEGENERATE. Largest specificity losses: class7 0.300 (0.990), "
                           "class150 0.800 (0.990)") != std::string::npos,
                 text.c_str());
        QVERIFY(text.find("200 of 200 concepts have units of their own; 50 pass the causal rule") != std::string::npos);
        QVERIFY(text.find("compared with 20 others drawn at random") != std::string::npos);
        QVERIFY(text.find("nad export PROJECT --what metrics") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestRunReport)
#include "tst_runreport.moc"
