-- map_pick
CREATE TABLE IF NOT EXISTS map_picks (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
