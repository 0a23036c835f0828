-- lease
CREATE TABLE IF NOT EXISTS leases (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL
);
