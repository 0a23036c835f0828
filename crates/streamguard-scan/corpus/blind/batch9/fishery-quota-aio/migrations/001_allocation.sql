-- allocation
CREATE TABLE IF NOT EXISTS allocations (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL
);
