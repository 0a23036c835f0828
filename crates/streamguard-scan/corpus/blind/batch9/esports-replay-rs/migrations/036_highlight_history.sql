-- highlight_history
CREATE TABLE IF NOT EXISTS highlight_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL
);
