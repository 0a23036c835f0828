-- calibration_run
CREATE TABLE IF NOT EXISTS calibration_runs (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
