-- objective_history
CREATE TABLE IF NOT EXISTS objective_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL
);
