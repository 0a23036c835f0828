-- boiler
CREATE TABLE IF NOT EXISTS boilers (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL
);
