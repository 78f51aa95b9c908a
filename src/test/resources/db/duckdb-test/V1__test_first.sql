-- A first migration for the migration runner's own tests.
CREATE TABLE test_first (x INTEGER);
