-- stop
CREATE TABLE IF NOT EXISTS stops (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
