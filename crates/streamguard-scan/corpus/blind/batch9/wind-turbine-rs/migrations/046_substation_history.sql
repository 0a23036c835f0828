-- substation_history
CREATE TABLE IF NOT EXISTS substation_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL
);
