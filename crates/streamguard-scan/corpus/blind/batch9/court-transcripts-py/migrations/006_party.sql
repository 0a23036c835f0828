-- party
CREATE TABLE IF NOT EXISTS partys (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL
);
