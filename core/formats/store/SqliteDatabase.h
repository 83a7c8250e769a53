#pragma once

#include "store/SqliteStatement.h"

#include <cstdint>
#include <string>

struct sqlite3;

namespace nad {

// One SQLite connection, owned by one thread. Opened with SQLite's defensive settings
// (SQLITE_DBCONFIG_DEFENSIVE, trusted_schema=OFF) because project files come from colleagues.
class SqliteDatabase
{
public:
    enum class Access { ReadOnly, ReadWrite, Create };

    SqliteDatabase(const std::string& path, Access access);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    void exec(const std::string& sql);
    SqliteStatement prepare(const std::string& sql);
    std::int64_t queryInt(const std::string& sql);
    std::string queryText(const std::string& sql);

    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when destroyed without commit() (an exception).
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteDatabase& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteDatabase& m_db;
    bool m_done = false;
};

}  // namespace nad
