-- driver
CREATE TABLE IF NOT EXISTS drivers (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL
);
