-- The persisted settings of imports, exports and table replications, by unique name.
CREATE TABLE integrations (
  name VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  definition JSON NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
