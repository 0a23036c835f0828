-- layover
CREATE TABLE IF NOT EXISTS layovers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL
);
