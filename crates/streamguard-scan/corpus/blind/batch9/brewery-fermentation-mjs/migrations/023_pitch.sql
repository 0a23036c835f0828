-- pitch
CREATE TABLE IF NOT EXISTS pitchs (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
