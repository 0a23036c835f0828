-- quality_hold
CREATE TABLE IF NOT EXISTS quality_holds (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
