-- damper
CREATE TABLE IF NOT EXISTS dampers (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
