-- building
CREATE TABLE IF NOT EXISTS buildings (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
