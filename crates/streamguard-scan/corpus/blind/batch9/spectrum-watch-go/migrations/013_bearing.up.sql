-- bearing
CREATE TABLE IF NOT EXISTS bearings (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL
);
