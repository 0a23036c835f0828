-- arm
CREATE TABLE IF NOT EXISTS arms (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
