-- cycle
CREATE TABLE IF NOT EXISTS cycles (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL
);
