-- genset_history
CREATE TABLE IF NOT EXISTS genset_historys (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
