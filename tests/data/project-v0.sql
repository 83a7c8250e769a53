-- A project file as the unversioned prototype (schema v0) wrote it. Frozen: the migration
-- test builds a file from this text, independent of the code that creates schemas today.
PRAGMA application_id = 1312900179;  -- 0x4E414453, "NADS"
PRAGMA user_version = 0;
CREATE TABLE project_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE datasets(id INTEGER PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL);
CREATE TABLE concepts(id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL,
                      class_index INTEGER NOT NULL, name TEXT NOT NULL, primary_concept TEXT);
INSERT INTO project_meta VALUES ('created_with', 'NAD Studio 0.0.1-prototype');
INSERT INTO project_meta VALUES ('created_at', '2026-01-15T10:00:00Z');
INSERT INTO datasets VALUES (7, 'fashion', '/usr/share/datasets/fashion-mnist');
INSERT INTO concepts VALUES (1, 7, 0, 'T-shirt/top', 'tops');
INSERT INTO concepts VALUES (2, 7, 1, 'Trouser', 'others');
INSERT INTO concepts VALUES (3, 7, 2, 'Pullover', 'tops');
INSERT INTO concepts VALUES (4, 7, 5, 'Sandal', 'footwear');
INSERT INTO concepts VALUES (5, 7, 9, 'Ankle boot', 'footwear');
INSERT INTO concepts VALUES (6, 7, 8, 'Bag', NULL);
