-- highlight
CREATE TABLE IF NOT EXISTS highlights (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
