-- clip
CREATE TABLE IF NOT EXISTS clips (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL
);
