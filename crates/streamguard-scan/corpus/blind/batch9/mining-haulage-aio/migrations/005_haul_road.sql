-- haul_road
CREATE TABLE IF NOT EXISTS haul_roads (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
