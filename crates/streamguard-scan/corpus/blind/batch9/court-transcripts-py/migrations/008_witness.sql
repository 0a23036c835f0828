-- witness
CREATE TABLE IF NOT EXISTS witnesss (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL
);
