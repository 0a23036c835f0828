-- headway
CREATE TABLE IF NOT EXISTS headways (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL
);
