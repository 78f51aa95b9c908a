-- What each revision export has published (SPEC 4): revisions 1..N without gaps per export.
CREATE TABLE published_revisions (
  export VARCHAR NOT NULL,
  number BIGINT NOT NULL,
  object_key VARCHAR NOT NULL,
  records BIGINT NOT NULL,
  bytes BIGINT NOT NULL,
  first_received_at TIMESTAMP NOT NULL,
  last_received_at TIMESTAMP NOT NULL,
  published_at TIMESTAMP NOT NULL,
  PRIMARY KEY (export, number)
);
