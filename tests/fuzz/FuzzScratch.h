#pragma once
// Scratch files for fuzz targets whose code under test reads a path, not a buffer: one folder
// per process in /dev/shm (memory, not disk), rewritten on every input and removed at exit.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace nadfuzz {

class Scratch
{
public:
    Scratch()
    {
        const std::filesystem::path shm("/dev/shm");
        const std::filesystem::path base =
            std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
        m_root = base / ("nad-fuzz-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_root);
        std::filesystem::create_directories(m_root);
    }
    ~Scratch()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_root, ignored);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    const std::filesystem::path& root() const { return m_root; }

    // Writes `size` bytes to `relative` (creating its folder) and returns the full path.
    std::string write(const std::string& relative, const std::uint8_t* data, std::size_t size) const
    {
        const std::filesystem::path path = m_root / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
        out.close();
        return path.string();
    }

    // Removes everything a previous input left (SQLite journals, extra files).
    void clear() const
    {
        for (const auto& entry : std::filesystem::directory_iterator(m_root))
            std::filesystem::remove_all(entry.path());
    }

private:
    std::filesystem::path m_root;
};

// One scratch folder for the whole run (libFuzzer calls the target in one process).
inline const Scratch& scratch()
{
    static const Scratch instance;
    return instance;
}

}  // namespace nadfuzz
