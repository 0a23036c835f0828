-- shadow_flicker
CREATE TABLE IF NOT EXISTS shadow_flickers (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL
);
