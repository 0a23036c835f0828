-- lift
CREATE TABLE IF NOT EXISTS lifts (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
