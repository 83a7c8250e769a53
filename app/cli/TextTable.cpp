#include "TextTable.h"

#include <algorithm>
#include <cctype>
#include <iomanip>

namespace nad::cli {
namespace {

// Display width of UTF-8 text: count code points, not bytes (class names may be "T-shirt/top"
// or Chinese).
std::size_t displayWidth(const std::string& text)
{
    return std::size_t(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool isNumber(const std::string& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '%';
    });
}

}  // namespace

void TextTable::print(std::ostream& out, const std::string& indent) const
{
    std::vector<std::size_t> widths(m_header.size(), 0);
    std::vector<bool> numeric(m_header.size(), true);
    for (std::size_t c = 0; c < m_header.size(); ++c)
        widths[c] = displayWidth(m_header[c]);
    for (const auto& row : m_rows) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
            widths[c] = std::max(widths[c], displayWidth(row[c]));
            if (!row[c].empty() && !isNumber(row[c]))
                numeric[c] = false;
        }
    }
    auto printRow = [&](const std::vector<std::string>& row) {
        std::string line = indent;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string cell = c < row.size() ? row[c] : std::string();
            const std::string pad(widths[c] - displayWidth(cell), ' ');
            line += (c ? "  " : "") + (numeric[c] ? pad + cell : cell + pad);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
    };
    printRow(m_header);
    for (const auto& row : m_rows)
        printRow(row);
}

}  // namespace nad::cli
