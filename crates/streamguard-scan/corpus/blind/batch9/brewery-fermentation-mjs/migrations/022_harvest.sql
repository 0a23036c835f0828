-- harvest
CREATE TABLE IF NOT EXISTS harvests (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL
);
