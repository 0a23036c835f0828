-- monitoring_contract
CREATE TABLE IF NOT EXISTS monitoring_contracts (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
