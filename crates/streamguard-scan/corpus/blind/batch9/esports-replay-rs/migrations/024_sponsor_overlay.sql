-- sponsor_overlay
CREATE TABLE IF NOT EXISTS sponsor_overlays (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
