-- replay_history
CREATE TABLE IF NOT EXISTS replay_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL
);
