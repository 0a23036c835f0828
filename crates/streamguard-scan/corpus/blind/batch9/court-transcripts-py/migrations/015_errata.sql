-- errata
CREATE TABLE IF NOT EXISTS erratas (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL
);
