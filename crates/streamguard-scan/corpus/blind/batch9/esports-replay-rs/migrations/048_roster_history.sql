-- roster_history
CREATE TABLE IF NOT EXISTS roster_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
