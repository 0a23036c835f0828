-- meter
CREATE TABLE IF NOT EXISTS meters (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL
);
