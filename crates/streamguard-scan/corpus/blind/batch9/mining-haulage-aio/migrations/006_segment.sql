-- segment
CREATE TABLE IF NOT EXISTS segments (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL
);
