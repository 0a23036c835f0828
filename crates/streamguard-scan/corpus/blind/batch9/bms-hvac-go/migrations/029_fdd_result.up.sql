-- fdd_result
CREATE TABLE IF NOT EXISTS fdd_results (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL
);
