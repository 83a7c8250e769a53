#pragma once

// Test helpers: a temporary folder removed at the end of the test, and whole-file I/O for
// "the file is byte-for-byte unchanged" checks.
#include "Errors.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

namespace nadtest {

class TemporaryDirectory
{
public:
    TemporaryDirectory()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "nad-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TemporaryDirectory()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline std::vector<char> readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeBytes(const std::string& path, const std::vector<char>& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

inline void writeText(const std::string& path, const std::string& text)
{
    writeBytes(path, std::vector<char>(text.begin(), text.end()));
}

// The message of the nad::DataError that `f` throws, or a text saying it threw none.
inline std::string dataErrorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const nad::DataError& e) {
        return e.what();
    }
    return "no DataError thrown";
}

}  // namespace nadtest
