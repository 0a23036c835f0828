-- round
CREATE TABLE IF NOT EXISTS rounds (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
