-- counsel
CREATE TABLE IF NOT EXISTS counsels (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
