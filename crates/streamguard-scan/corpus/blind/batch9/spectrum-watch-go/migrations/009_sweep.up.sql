-- sweep
CREATE TABLE IF NOT EXISTS sweeps (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
