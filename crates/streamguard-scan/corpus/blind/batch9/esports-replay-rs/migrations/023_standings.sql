-- standings
CREATE TABLE IF NOT EXISTS standingss (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL
);
