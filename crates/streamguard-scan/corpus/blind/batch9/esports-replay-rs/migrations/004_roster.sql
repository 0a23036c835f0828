-- roster
CREATE TABLE IF NOT EXISTS rosters (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL
);
