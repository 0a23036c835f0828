-- voyage_history
CREATE TABLE IF NOT EXISTS voyage_historys (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL
);
