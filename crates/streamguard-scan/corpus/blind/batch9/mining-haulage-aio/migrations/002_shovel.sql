-- shovel
CREATE TABLE IF NOT EXISTS shovels (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL
);
