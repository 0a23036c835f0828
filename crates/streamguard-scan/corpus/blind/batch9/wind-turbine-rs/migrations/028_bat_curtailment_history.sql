-- bat_curtailment_history
CREATE TABLE IF NOT EXISTS bat_curtailment_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
