-- lease_history
CREATE TABLE IF NOT EXISTS lease_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
