-- The ledger of files loaded into replicated tables (SPEC 3): one row per table and object key.
CREATE TABLE table_files (
  integration VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  object_key VARCHAR NOT NULL,
  etag VARCHAR NOT NULL,
  last_modified TIMESTAMP NOT NULL,
  loaded_at TIMESTAMP NOT NULL,
  row_count BIGINT NOT NULL,
  PRIMARY KEY (integration, table_name, object_key)
);
