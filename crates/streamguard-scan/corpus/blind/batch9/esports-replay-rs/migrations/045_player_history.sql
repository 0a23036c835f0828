-- player_history
CREATE TABLE IF NOT EXISTS player_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL
);
