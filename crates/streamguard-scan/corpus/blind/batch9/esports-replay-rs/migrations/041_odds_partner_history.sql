-- odds_partner_history
CREATE TABLE IF NOT EXISTS odds_partner_historys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL
);
