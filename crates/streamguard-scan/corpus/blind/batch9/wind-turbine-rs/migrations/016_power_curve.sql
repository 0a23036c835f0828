-- power_curve
CREATE TABLE IF NOT EXISTS power_curves (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL
);
