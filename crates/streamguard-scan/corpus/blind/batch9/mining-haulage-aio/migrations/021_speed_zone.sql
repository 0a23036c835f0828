-- speed_zone
CREATE TABLE IF NOT EXISTS speed_zones (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);
