-- dump
CREATE TABLE IF NOT EXISTS dumps (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL
);
