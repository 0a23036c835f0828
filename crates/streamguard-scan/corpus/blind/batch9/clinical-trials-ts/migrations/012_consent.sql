-- consent
CREATE TABLE IF NOT EXISTS consents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL
);
