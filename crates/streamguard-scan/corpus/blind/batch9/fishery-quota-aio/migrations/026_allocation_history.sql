-- allocation_history
CREATE TABLE IF NOT EXISTS allocation_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
