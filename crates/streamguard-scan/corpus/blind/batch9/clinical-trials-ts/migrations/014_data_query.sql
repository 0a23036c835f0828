-- data_query
CREATE TABLE IF NOT EXISTS data_querys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
