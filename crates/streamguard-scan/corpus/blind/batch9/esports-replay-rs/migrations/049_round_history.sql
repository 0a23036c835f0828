-- round_history
CREATE TABLE IF NOT EXISTS round_historys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL
);
