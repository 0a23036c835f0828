-- commodity
CREATE TABLE IF NOT EXISTS commoditys (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL
);
