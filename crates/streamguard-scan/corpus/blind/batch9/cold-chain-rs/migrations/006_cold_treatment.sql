-- cold_treatment
CREATE TABLE IF NOT EXISTS cold_treatments (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL
);
