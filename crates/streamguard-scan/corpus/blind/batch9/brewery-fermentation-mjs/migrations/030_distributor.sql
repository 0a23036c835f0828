-- distributor
CREATE TABLE IF NOT EXISTS distributors (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
