-- turbine
CREATE TABLE IF NOT EXISTS turbines (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
