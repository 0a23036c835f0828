-- pump
CREATE TABLE IF NOT EXISTS pumps (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
