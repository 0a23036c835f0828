-- dry_hop
CREATE TABLE IF NOT EXISTS dry_hops (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
