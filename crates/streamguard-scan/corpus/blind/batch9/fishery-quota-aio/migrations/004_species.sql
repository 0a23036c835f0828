-- species
CREATE TABLE IF NOT EXISTS speciess (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL
);
