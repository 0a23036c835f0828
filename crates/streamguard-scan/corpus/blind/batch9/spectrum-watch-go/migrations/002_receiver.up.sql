-- receiver
CREATE TABLE IF NOT EXISTS receivers (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL
);
