#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace nad::cli {

// Columns aligned for a terminal: text left, numbers right (a column is numeric when every
// cell but the header parses as a number).
class TextTable
{
public:
    explicit TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}
    void addRow(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void print(std::ostream& out, const std::string& indent = "  ") const;

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace nad::cli
