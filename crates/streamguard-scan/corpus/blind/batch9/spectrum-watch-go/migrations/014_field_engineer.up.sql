-- field_engineer
CREATE TABLE IF NOT EXISTS field_engineers (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL
);
