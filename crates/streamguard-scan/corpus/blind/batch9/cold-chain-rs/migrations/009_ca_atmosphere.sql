-- ca_atmosphere
CREATE TABLE IF NOT EXISTS ca_atmospheres (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
