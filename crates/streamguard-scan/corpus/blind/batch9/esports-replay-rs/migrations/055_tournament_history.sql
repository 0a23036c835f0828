-- tournament_history
CREATE TABLE IF NOT EXISTS tournament_historys (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL
);
