-- load
CREATE TABLE IF NOT EXISTS loads (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
