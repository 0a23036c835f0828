-- depot
CREATE TABLE IF NOT EXISTS depots (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
