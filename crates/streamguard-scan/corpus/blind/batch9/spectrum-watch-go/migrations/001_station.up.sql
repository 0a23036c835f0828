-- station
CREATE TABLE IF NOT EXISTS stations (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
