-- observer_history
CREATE TABLE IF NOT EXISTS observer_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
