-- vms_ping_history
CREATE TABLE IF NOT EXISTS vms_ping_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL
);
