-- sentence
CREATE TABLE IF NOT EXISTS sentences (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
