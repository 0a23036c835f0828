-- coding_term
CREATE TABLE IF NOT EXISTS coding_terms (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL
);
