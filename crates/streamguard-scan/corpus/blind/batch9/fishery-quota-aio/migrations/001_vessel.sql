-- vessel
CREATE TABLE IF NOT EXISTS vessels (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL
);
