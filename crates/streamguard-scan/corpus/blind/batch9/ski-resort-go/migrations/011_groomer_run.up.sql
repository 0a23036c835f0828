-- groomer_run
CREATE TABLE IF NOT EXISTS groomer_runs (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL
);
