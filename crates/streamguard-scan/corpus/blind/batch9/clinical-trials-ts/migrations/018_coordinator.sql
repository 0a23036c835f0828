-- coordinator
CREATE TABLE IF NOT EXISTS coordinators (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL
);
