-- customs_hold
CREATE TABLE IF NOT EXISTS customs_holds (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
