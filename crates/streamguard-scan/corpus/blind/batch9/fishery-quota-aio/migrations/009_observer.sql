-- observer
CREATE TABLE IF NOT EXISTS observers (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL
);
