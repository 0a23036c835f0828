-- run
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
