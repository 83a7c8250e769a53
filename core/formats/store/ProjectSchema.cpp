#include "store/ProjectSchema.h"

#include "Errors.h"
#include "store/SqliteDatabase.h"

#include <string>

namespace nad {
namespace {

// Version 1: DESIGN.md §6. Masks are stored per (run, concept, initialization, block):
// soft masks as little-endian float32 arrays, binary masks as bit arrays (LSB first).
const char* const kSchemaV1 = R"SQL(
CREATE TABLE project_meta(
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE datasets(
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('idx', 'imagefolder')),
    path        TEXT NOT NULL,
    channels    INTEGER NOT NULL DEFAULT 0,
    height      INTEGER NOT NULL DEFAULT 0,
    width       INTEGER NOT NULL DEFAULT 0,
    train_count INTEGER NOT NULL DEFAULT 0,
    test_count  INTEGER NOT NULL DEFAULT 0,
    added_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE concept_groups(
    id         INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    UNIQUE (dataset_id, name)
);
CREATE TABLE concepts(
    id          INTEGER PRIMARY KEY,
    dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    class_index INTEGER NOT NULL CHECK (class_index >= 0),
    name        TEXT NOT NULL,
    group_id    INTEGER REFERENCES concept_groups(id) ON DELETE SET NULL,
    train_count INTEGER NOT NULL DEFAULT 0,
    test_count  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (dataset_id, class_index),
    UNIQUE (dataset_id, name)
);
CREATE TABLE models(
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    family         TEXT NOT NULL,
    path           TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    dataset_id     INTEGER REFERENCES datasets(id),
    input_channels INTEGER NOT NULL,
    input_height   INTEGER NOT NULL,
    input_width    INTEGER NOT NULL,
    normalization  TEXT NOT NULL DEFAULT '{}',
    class_names    TEXT NOT NULL DEFAULT '[]',
    test_accuracy  REAL,
    added_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE model_blocks(
    model_id    INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    block_index INTEGER NOT NULL CHECK (block_index >= 0),
    name        TEXT NOT NULL,
    channels    INTEGER NOT NULL CHECK (channels > 0),
    PRIMARY KEY (model_id, block_index)
);
CREATE TABLE runs(
    id              INTEGER PRIMARY KEY,
    model_id        INTEGER NOT NULL REFERENCES models(id),
    dataset_id      INTEGER NOT NULL REFERENCES datasets(id),
    preset          TEXT NOT NULL CHECK (preset IN ('paper', 'official')),
    hyperparameters TEXT NOT NULL,
    seed            INTEGER NOT NULL,
    initializations INTEGER NOT NULL DEFAULT 1 CHECK (initializations >= 1),
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'running', 'interrupted', 'finished',
                                      'failed', 'cancelled')),
    message         TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    started_at      TEXT,
    finished_at     TEXT,
    elapsed_seconds REAL NOT NULL DEFAULT 0
);
CREATE TABLE paths(
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    concept_id  INTEGER NOT NULL REFERENCES concepts(id),
    init_index  INTEGER NOT NULL CHECK (init_index >= 0),
    block_index INTEGER NOT NULL CHECK (block_index >= 0),
    channels    INTEGER NOT NULL CHECK (channels > 0),
    soft_mask   BLOB NOT NULL,
    binary_mask BLOB NOT NULL,
    step        INTEGER NOT NULL DEFAULT 0,
    final       INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
    PRIMARY KEY (run_id, concept_id, init_index, block_index)
);
CREATE TABLE metrics(
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    concept_id  INTEGER REFERENCES concepts(id),
    init_index  INTEGER,
    block_index INTEGER,
    name        TEXT NOT NULL,
    value       REAL NOT NULL
);
CREATE UNIQUE INDEX metrics_key ON metrics(run_id, ifnull(concept_id, -1), ifnull(init_index, -1),
                                           ifnull(block_index, -1), name);
CREATE TABLE exports(
    id          INTEGER PRIMARY KEY,
    figure      TEXT NOT NULL,
    path        TEXT NOT NULL,
    format      TEXT NOT NULL,
    width_mm    REAL,
    height_mm   REAL,
    dpi         INTEGER,
    exported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
)SQL";

// Version 2: the learning history of every run, one row per concept, initialization and
// recorded step (every `history_every` steps), so loss and sparsity curves can be drawn later.
const char* const kSchemaV2Additions = R"SQL(
CREATE TABLE run_history(
    run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    concept_id    INTEGER NOT NULL REFERENCES concepts(id),
    init_index    INTEGER NOT NULL,
    step          INTEGER NOT NULL,
    distance_loss REAL NOT NULL,
    sparsity_loss REAL NOT NULL,
    usage         REAL NOT NULL,
    PRIMARY KEY (run_id, concept_id, init_index, step)
);
)SQL";

// Version 3: imported TorchScript models keep their block spec (ImportSpecFile JSON) so a run
// can rebuild them; zoo models leave it empty (their metadata file says how to rebuild them).
const char* const kSchemaV3Additions = R"SQL(
ALTER TABLE models ADD COLUMN import_spec TEXT NOT NULL DEFAULT '';
)SQL";

// Version 4: the unit explorer's cache. What the units of a block respond to over the held-out
// split (UnitStatistics JSON) takes a pass of the network over every image, so it is kept per
// run and block; the run fixes the model and the data set it is measured on.
const char* const kSchemaV4Additions = R"SQL(
CREATE TABLE unit_statistics(
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    block_index INTEGER NOT NULL,
    top_count   INTEGER NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (run_id, block_index)
);
)SQL";

// Version 5: λ sweeps (`nad sweep --project`), for the frontier figure. A sweep names its model
// rather than referencing it, since a zoo model can be swept before a run records it; its points
// are SweepPoint JSON, in the order swept.
const char* const kSchemaV5Additions = R"SQL(
CREATE TABLE sweeps(
    id                INTEGER PRIMARY KEY,
    model_name        TEXT NOT NULL,
    objective         TEXT NOT NULL,
    label             TEXT NOT NULL,
    settings          TEXT NOT NULL DEFAULT '{}',
    concepts          TEXT NOT NULL DEFAULT '[]',
    initializations   INTEGER NOT NULL CHECK (initializations > 0),
    validation_images INTEGER NOT NULL,
    default_lambda    REAL,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE sweep_points(
    sweep_id INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    data     TEXT NOT NULL,
    PRIMARY KEY (sweep_id, position)
);
)SQL";

const char* const kSchemaV0 = R"SQL(
CREATE TABLE project_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE datasets(id INTEGER PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL);
CREATE TABLE concepts(id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL,
                      class_index INTEGER NOT NULL, name TEXT NOT NULL, primary_concept TEXT);
)SQL";

}  // namespace

void ProjectSchema::createCurrent(SqliteDatabase& db)
{
    db.exec(kSchemaV1);
    db.exec(kSchemaV2Additions);
    db.exec(kSchemaV3Additions);
    db.exec(kSchemaV4Additions);
    db.exec(kSchemaV5Additions);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(kCurrentVersion));
}

void ProjectSchema::createVersion0(SqliteDatabase& db)
{
    db.exec(kSchemaV0);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = 0");
}

void ProjectSchema::migrate(SqliteDatabase& db, int fromVersion)
{
    // Foreign keys cannot be switched inside a transaction; the copies below keep ids, so
    // references stay valid, and foreign_key_check runs before commit.
    db.exec("PRAGMA foreign_keys = OFF");
    SqliteTransaction transaction(db);
    if (fromVersion <= 0)
        migrate0To1(db);
    if (fromVersion <= 1)
        migrate1To2(db);
    if (fromVersion <= 2)
        migrate2To3(db);
    if (fromVersion <= 3)
        migrate3To4(db);
    if (fromVersion <= 4)
        migrate4To5(db);
    db.exec("PRAGMA user_version = " + std::to_string(kCurrentVersion));
    if (db.queryInt("SELECT count(*) FROM pragma_foreign_key_check") != 0)
        throw ProjectError("project file '" + db.path() +
                           "': migration would leave dangling references; the file was not changed");
    transaction.commit();
    db.exec("PRAGMA foreign_keys = ON");
}

void ProjectSchema::migrate0To1(SqliteDatabase& db)
{
    // v0 had untyped datasets (every one was an IDX folder then) and the primary concept as
    // a text column; v1 types data sets and makes groups rows of their own.
    db.exec("ALTER TABLE project_meta RENAME TO old_project_meta;"
            "ALTER TABLE datasets RENAME TO old_datasets;"
            "ALTER TABLE concepts RENAME TO old_concepts;");
    db.exec(kSchemaV1);
    db.exec(R"SQL(
INSERT INTO project_meta(key, value) SELECT key, value FROM old_project_meta;
INSERT INTO datasets(id, name, kind, path) SELECT id, name, 'idx', path FROM old_datasets;
INSERT INTO concept_groups(dataset_id, name, position)
    SELECT dataset_id, primary_concept, min(class_index) FROM old_concepts
    WHERE primary_concept IS NOT NULL AND primary_concept <> ''
    GROUP BY dataset_id, primary_concept;
INSERT INTO concepts(id, dataset_id, class_index, name, group_id)
    SELECT c.id, c.dataset_id, c.class_index, c.name,
           (SELECT g.id FROM concept_groups g
             WHERE g.dataset_id = c.dataset_id AND g.name = c.primary_concept)
    FROM old_concepts c;
DROP TABLE old_concepts;
DROP TABLE old_datasets;
DROP TABLE old_project_meta;
INSERT OR REPLACE INTO project_meta(key, value) VALUES ('migrated_from', '0');
)SQL");
}

void ProjectSchema::migrate1To2(SqliteDatabase& db)
{
    // Only a new table: runs learned before v2 simply have no curves.
    db.exec(kSchemaV2Additions);
}

void ProjectSchema::migrate2To3(SqliteDatabase& db)
{
    // A column with a default: every model recorded before v3 came from the zoo.
    db.exec(kSchemaV3Additions);
}

void ProjectSchema::migrate3To4(SqliteDatabase& db)
{
    // Only a cache table: it fills as the unit explorer measures blocks.
    db.exec(kSchemaV4Additions);
}

void ProjectSchema::migrate4To5(SqliteDatabase& db)
{
    // New tables only: a project swept before v5 has no stored sweeps.
    db.exec(kSchemaV5Additions);
}

}  // namespace nad
