-- fault_rule
CREATE TABLE IF NOT EXISTS fault_rules (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
