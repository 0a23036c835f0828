-- clip_history
CREATE TABLE IF NOT EXISTS clip_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL
);
