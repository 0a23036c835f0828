-- shuttle
CREATE TABLE IF NOT EXISTS shuttles (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
);
