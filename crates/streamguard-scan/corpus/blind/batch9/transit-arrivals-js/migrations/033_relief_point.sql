-- relief_point
CREATE TABLE IF NOT EXISTS relief_points (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL
);
