-- classification
CREATE TABLE IF NOT EXISTS classifications (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
