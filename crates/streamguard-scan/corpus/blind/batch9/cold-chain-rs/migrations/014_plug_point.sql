-- plug_point
CREATE TABLE IF NOT EXISTS plug_points (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL
);
