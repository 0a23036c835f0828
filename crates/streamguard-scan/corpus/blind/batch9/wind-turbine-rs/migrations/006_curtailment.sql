-- curtailment
CREATE TABLE IF NOT EXISTS curtailments (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
