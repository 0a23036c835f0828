-- defrost_cycle
CREATE TABLE IF NOT EXISTS defrost_cycles (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
