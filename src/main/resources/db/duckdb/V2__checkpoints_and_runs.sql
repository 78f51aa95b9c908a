-- How far each integration consumed each object.
CREATE TABLE checkpoints (
  integration VARCHAR NOT NULL,
  object_key VARCHAR NOT NULL,
  etag VARCHAR NOT NULL,
  size BIGINT NOT NULL,
  record_index BIGINT NOT NULL,
  byte_offset BIGINT NOT NULL,
  done BOOLEAN NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (integration, object_key)
);

-- One row per run of an integration.
CREATE TABLE runs (
  id BIGINT PRIMARY KEY,
  integration VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  details JSON NOT NULL,
  errors JSON NOT NULL
);
