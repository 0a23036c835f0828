-- pattern
CREATE TABLE IF NOT EXISTS patterns (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL
);
