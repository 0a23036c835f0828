-- case
CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL
);
