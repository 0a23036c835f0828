-- region
CREATE TABLE IF NOT EXISTS regions (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
