-- farm_history
CREATE TABLE IF NOT EXISTS farm_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL
);
