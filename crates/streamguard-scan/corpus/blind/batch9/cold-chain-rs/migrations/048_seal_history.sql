-- seal_history
CREATE TABLE IF NOT EXISTS seal_historys (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL
);
