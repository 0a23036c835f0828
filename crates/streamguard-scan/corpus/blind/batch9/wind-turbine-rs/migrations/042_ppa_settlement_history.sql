-- ppa_settlement_history
CREATE TABLE IF NOT EXISTS ppa_settlement_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL
);
