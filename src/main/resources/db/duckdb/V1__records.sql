-- The record log: one row per record, in receive order.
CREATE TABLE records (
  sequence BIGINT PRIMARY KEY,
  kind VARCHAR NOT NULL,
  identity VARCHAR NOT NULL,
  second_identity VARCHAR,
  event_name VARCHAR,
  ts TIMESTAMP NOT NULL,
  properties JSON,
  received_at TIMESTAMP NOT NULL,
  revision BIGINT NOT NULL,
  source_integration VARCHAR NOT NULL,
  source_run VARCHAR NOT NULL,
  source_key VARCHAR NOT NULL,
  source_line BIGINT NOT NULL
);

-- Revisions: closed_at is NULL while open; at most one is open.
CREATE TABLE revisions (
  number BIGINT PRIMARY KEY,
  first_sequence BIGINT NOT NULL,
  last_sequence BIGINT NOT NULL,
  first_received_at TIMESTAMP NOT NULL,
  last_received_at TIMESTAMP NOT NULL,
  closed_at TIMESTAMP
);
