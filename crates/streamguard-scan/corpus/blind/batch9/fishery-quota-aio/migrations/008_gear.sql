-- gear
CREATE TABLE IF NOT EXISTS gears (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL
);
