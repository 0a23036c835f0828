-- timepoint
CREATE TABLE IF NOT EXISTS timepoints (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL
);
