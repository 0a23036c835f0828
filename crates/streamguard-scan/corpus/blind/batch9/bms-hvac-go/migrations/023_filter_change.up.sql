-- filter_change
CREATE TABLE IF NOT EXISTS filter_changes (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
