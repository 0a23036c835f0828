-- season_history
CREATE TABLE IF NOT EXISTS season_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
