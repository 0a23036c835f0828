-- site
CREATE TABLE IF NOT EXISTS sites (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL
);
