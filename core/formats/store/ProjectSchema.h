#pragma once

#include <cstdint>

namespace nad {

class SqliteDatabase;

// The project file's layout and its history. `PRAGMA application_id` marks a file as ours;
// `PRAGMA user_version` is the schema version. Version 0 is the unversioned prototype
// layout (project_meta, datasets, concepts only); version 1 is DESIGN.md §6; version 2 adds
// run_history (loss terms and usage along learning, for the training curves); version 3 adds
// models.import_spec (the block spec of an imported TorchScript model); version 4 adds
// unit_statistics (the unit explorer's cache); version 5 adds sweeps and sweep_points (λ sweeps,
// for the frontier figure).
class ProjectSchema
{
public:
    static constexpr std::int32_t kApplicationId = 0x4E414453;  // "NADS"
    static constexpr int kCurrentVersion = 5;

    // Creates the current schema in an empty database (inside the caller's transaction).
    static void createCurrent(SqliteDatabase& db);
    // Brings a file at `fromVersion` to kCurrentVersion, one step per version, in one
    // transaction (a failure leaves the file at its old version).
    static void migrate(SqliteDatabase& db, int fromVersion);
    // The prototype layout, kept so tests can build a v0 file and check the migration.
    static void createVersion0(SqliteDatabase& db);

private:
    static void migrate0To1(SqliteDatabase& db);
    static void migrate1To2(SqliteDatabase& db);
    static void migrate2To3(SqliteDatabase& db);
    static void migrate3To4(SqliteDatabase& db);
    static void migrate4To5(SqliteDatabase& db);
};

}  // namespace nad
