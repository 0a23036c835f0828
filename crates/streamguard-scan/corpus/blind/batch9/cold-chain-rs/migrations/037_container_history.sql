-- container_history
CREATE TABLE IF NOT EXISTS container_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL
);
