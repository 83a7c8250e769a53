#include "store/SqliteStatement.h"

#include "Errors.h"

#include <sqlite3.h>

#include <cstring>

namespace nad {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& sql, const std::string& what)
{
    std::string shortSql = sql.substr(0, 60);
    throw ProjectError(what + " failed: " + std::string(sqlite3_errmsg(db)) + " (in \"" + shortSql +
                       (sql.size() > 60 ? "..." : "") + "\")");
}

}  // namespace

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql) : m_db(db), m_sql(sql)
{
    if (sqlite3_prepare_v2(db, sql.c_str(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
        fail(db, sql, "preparing a query");
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql))
{
    other.m_stmt = nullptr;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        fail(m_db, m_sql, "binding a value");
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK)
        fail(m_db, m_sql, "binding a value");
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::string& value)
{
    if (sqlite3_bind_text(m_stmt, index, value.data(), int(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(m_db, m_sql, "binding a value");
    return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, const void* data, std::size_t size)
{
    // A zero-length blob must still be a blob, not NULL: SQLite needs a non-null pointer for that.
    static const char empty = 0;
    if (sqlite3_bind_blob64(m_stmt, index, size ? data : &empty, size, SQLITE_TRANSIENT) != SQLITE_OK)
        fail(m_db, m_sql, "binding a value");
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        fail(m_db, m_sql, "binding a value");
    return *this;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, m_sql, "a query");
}

void SqliteStatement::run()
{
    while (step()) {
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::columnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string SqliteStatement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return text ? std::string(text, std::size_t(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::vector<std::uint8_t> SqliteStatement::columnBlob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::vector<std::uint8_t>(data, data + size) : std::vector<std::uint8_t>();
}

}  // namespace nad
