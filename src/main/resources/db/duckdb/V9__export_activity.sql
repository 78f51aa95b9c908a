-- The activity log of event and profile exports (SPEC 5): one row per run window.
CREATE TABLE export_activity (
  request_id VARCHAR NOT NULL,
  window_end TIMESTAMP NOT NULL,
  window_start TIMESTAMP NOT NULL,
  after_sequence BIGINT NOT NULL,
  up_to_sequence BIGINT NOT NULL,
  status VARCHAR NOT NULL,
  files JSON NOT NULL,
  started_at TIMESTAMP,
  ended_at TIMESTAMP,
  error VARCHAR,
  PRIMARY KEY (request_id, window_end)
);
