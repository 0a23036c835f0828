-- blast_pattern
CREATE TABLE IF NOT EXISTS blast_patterns (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL
);
