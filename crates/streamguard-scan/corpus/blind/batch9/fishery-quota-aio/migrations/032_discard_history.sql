-- discard_history
CREATE TABLE IF NOT EXISTS discard_historys (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL
);
