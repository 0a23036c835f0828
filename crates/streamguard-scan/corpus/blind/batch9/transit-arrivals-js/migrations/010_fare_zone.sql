-- fare_zone
CREATE TABLE IF NOT EXISTS fare_zones (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
