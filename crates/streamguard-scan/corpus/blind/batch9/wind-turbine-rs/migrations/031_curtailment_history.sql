-- curtailment_history
CREATE TABLE IF NOT EXISTS curtailment_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
