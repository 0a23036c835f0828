-- trunk
CREATE TABLE IF NOT EXISTS trunks (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL
);
