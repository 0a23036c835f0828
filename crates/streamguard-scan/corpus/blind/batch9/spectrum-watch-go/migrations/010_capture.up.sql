-- capture
CREATE TABLE IF NOT EXISTS captures (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL
);
