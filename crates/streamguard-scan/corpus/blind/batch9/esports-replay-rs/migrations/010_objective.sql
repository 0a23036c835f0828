-- objective
CREATE TABLE IF NOT EXISTS objectives (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
