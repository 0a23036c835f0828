-- garage
CREATE TABLE IF NOT EXISTS garages (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL
);
