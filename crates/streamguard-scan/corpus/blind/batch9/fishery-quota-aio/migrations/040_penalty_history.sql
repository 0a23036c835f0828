-- penalty_history
CREATE TABLE IF NOT EXISTS penalty_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
