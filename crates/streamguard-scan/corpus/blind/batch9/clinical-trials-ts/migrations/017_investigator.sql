-- investigator
CREATE TABLE IF NOT EXISTS investigators (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
