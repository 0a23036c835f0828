-- incident
CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL
);
