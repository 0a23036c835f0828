-- economy_snapshot
CREATE TABLE IF NOT EXISTS economy_snapshots (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL
);
