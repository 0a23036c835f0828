-- trip
CREATE TABLE IF NOT EXISTS trips (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
