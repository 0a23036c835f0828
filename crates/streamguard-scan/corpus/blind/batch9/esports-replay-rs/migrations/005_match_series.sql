-- match_series
CREATE TABLE IF NOT EXISTS match_seriess (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
