-- discard
CREATE TABLE IF NOT EXISTS discards (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL
);
