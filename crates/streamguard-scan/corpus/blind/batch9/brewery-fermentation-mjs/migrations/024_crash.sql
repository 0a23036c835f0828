-- crash
CREATE TABLE IF NOT EXISTS crashs (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);
