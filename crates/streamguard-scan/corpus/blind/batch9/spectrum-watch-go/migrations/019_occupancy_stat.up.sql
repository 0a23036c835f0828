-- occupancy_stat
CREATE TABLE IF NOT EXISTS occupancy_stats (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL
);
