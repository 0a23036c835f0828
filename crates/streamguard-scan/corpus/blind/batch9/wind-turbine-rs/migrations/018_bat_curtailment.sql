-- bat_curtailment
CREATE TABLE IF NOT EXISTS bat_curtailments (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL
);
