-- power_outage
CREATE TABLE IF NOT EXISTS power_outages (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
