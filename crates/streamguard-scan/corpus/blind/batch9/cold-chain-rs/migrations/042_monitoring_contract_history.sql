-- monitoring_contract_history
CREATE TABLE IF NOT EXISTS monitoring_contract_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
