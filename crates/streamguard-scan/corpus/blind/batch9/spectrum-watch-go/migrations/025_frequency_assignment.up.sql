-- frequency_assignment
CREATE TABLE IF NOT EXISTS frequency_assignments (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
