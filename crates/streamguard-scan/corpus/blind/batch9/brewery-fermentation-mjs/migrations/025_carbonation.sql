-- carbonation
CREATE TABLE IF NOT EXISTS carbonations (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL
);
