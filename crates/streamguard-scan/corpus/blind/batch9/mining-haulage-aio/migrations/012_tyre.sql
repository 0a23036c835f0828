-- tyre
CREATE TABLE IF NOT EXISTS tyres (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL
);
