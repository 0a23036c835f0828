-- genset
CREATE TABLE IF NOT EXISTS gensets (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
