-- gravity_sample
CREATE TABLE IF NOT EXISTS gravity_samples (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
