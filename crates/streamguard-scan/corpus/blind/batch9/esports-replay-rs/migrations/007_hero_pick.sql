-- hero_pick
CREATE TABLE IF NOT EXISTS hero_picks (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL
);
