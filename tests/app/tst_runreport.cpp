// The CLI's run report: the dendrogram order stays readable for a run of many concepts.
#include "RunReport.h"

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
};

QTEST_GUILESS_MAIN(TestRunReport)
#include "tst_runreport.moc"
