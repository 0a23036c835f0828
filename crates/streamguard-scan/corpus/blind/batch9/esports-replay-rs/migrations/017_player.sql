-- player
CREATE TABLE IF NOT EXISTS players (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
