-- farm
CREATE TABLE IF NOT EXISTS farms (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL
);
