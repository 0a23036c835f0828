-- appeal
CREATE TABLE IF NOT EXISTS appeals (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
