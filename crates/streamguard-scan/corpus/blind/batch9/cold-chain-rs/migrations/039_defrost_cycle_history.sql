-- defrost_cycle_history
CREATE TABLE IF NOT EXISTS defrost_cycle_historys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL
);
