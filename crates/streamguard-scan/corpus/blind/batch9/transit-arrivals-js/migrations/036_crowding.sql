-- crowding
CREATE TABLE IF NOT EXISTS crowdings (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
