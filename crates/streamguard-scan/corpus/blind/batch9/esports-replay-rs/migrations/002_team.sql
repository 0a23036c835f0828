-- team
CREATE TABLE IF NOT EXISTS teams (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
