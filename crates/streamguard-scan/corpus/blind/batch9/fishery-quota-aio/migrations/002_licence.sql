-- licence
CREATE TABLE IF NOT EXISTS licences (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL
);
