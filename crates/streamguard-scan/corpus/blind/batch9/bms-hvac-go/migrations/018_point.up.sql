-- point
CREATE TABLE IF NOT EXISTS points (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
