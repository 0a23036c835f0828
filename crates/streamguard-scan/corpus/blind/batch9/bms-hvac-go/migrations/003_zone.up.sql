-- zone
CREATE TABLE IF NOT EXISTS zones (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL
);
