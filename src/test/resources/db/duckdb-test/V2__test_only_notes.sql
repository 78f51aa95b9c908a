-- Test-only migration: proves a new migration applies to an existing database.
CREATE TABLE test_notes (id INTEGER PRIMARY KEY, note VARCHAR);
INSERT INTO test_notes VALUES (1, 'migrated');
