#include "store/SqliteDatabase.h"

#include "Errors.h"

#include <sqlite3.h>

namespace nad {

SqliteDatabase::SqliteDatabase(const std::string& path, Access access) : m_path(path)
{
    int flags = SQLITE_OPEN_NOMUTEX;  // one connection per thread, no shared use
    switch (access) {
    case Access::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Access::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Access::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw ProjectError("project file '" + path + "' cannot be opened: " + message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    // Defensive mode forbids writes that can corrupt the file (writable_schema, raw page
    // edits); untrusted schemas may not call application functions from views or triggers.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, nullptr);
}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close_v2(m_db);
}

void SqliteDatabase::exec(const std::string& sql)
{
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(m_db);
        sqlite3_free(error);
        throw ProjectError("project file '" + m_path + "': " + message);
    }
}

SqliteStatement SqliteDatabase::prepare(const std::string& sql)
{
    return SqliteStatement(m_db, sql);
}

std::int64_t SqliteDatabase::queryInt(const std::string& sql)
{
    SqliteStatement statement(m_db, sql);
    return statement.step() ? statement.columnInt(0) : 0;
}

std::string SqliteDatabase::queryText(const std::string& sql)
{
    SqliteStatement statement(m_db, sql);
    return statement.step() ? statement.columnText(0) : std::string();
}

SqliteTransaction::SqliteTransaction(SqliteDatabase& db) : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_done)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

}  // namespace nad
