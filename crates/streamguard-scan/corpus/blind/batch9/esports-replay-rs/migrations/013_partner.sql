-- partner
CREATE TABLE IF NOT EXISTS partners (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL
);
