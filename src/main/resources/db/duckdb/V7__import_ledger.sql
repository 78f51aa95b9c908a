-- The recurring import's ledger (SPEC 2.3): one row per version of an object (key, ETag, size)
-- with how far it is imported and where it went, and the rows it rejected. Both are written in
-- the same transaction as the records they account for.
CREATE TABLE import_files (
  integration VARCHAR NOT NULL,
  object_key VARCHAR NOT NULL,
  etag VARCHAR NOT NULL,
  size BIGINT NOT NULL,
  stage VARCHAR NOT NULL,
  byte_offset BIGINT NOT NULL,
  line BIGINT NOT NULL,
  rows_read BIGINT NOT NULL,
  records_imported BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  destination VARCHAR,
  error VARCHAR,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (integration, object_key, etag, size)
);

CREATE TABLE rejected_rows (
  integration VARCHAR NOT NULL,
  object_key VARCHAR NOT NULL,
  etag VARCHAR NOT NULL,
  size BIGINT NOT NULL,
  line BIGINT NOT NULL,
  reason VARCHAR NOT NULL,
  row_text VARCHAR NOT NULL
);
