-- A checkpoint belongs to one version of an object: key, ETag and size (SPEC 2.3). The same key
-- with another ETag or size is another file with its own checkpoint.
CREATE TABLE checkpoints_v5 (
  integration VARCHAR NOT NULL,
  object_key VARCHAR NOT NULL,
  etag VARCHAR NOT NULL,
  size BIGINT NOT NULL,
  record_index BIGINT NOT NULL,
  byte_offset BIGINT NOT NULL,
  done BOOLEAN NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (integration, object_key, etag, size)
);
INSERT INTO checkpoints_v5 SELECT * FROM checkpoints;
DROP TABLE checkpoints;
ALTER TABLE checkpoints_v5 RENAME TO checkpoints;
