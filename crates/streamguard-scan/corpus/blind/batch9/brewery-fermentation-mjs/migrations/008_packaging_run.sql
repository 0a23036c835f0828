-- packaging_run
CREATE TABLE IF NOT EXISTS packaging_runs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
