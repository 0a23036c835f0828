-- ppa_settlement
CREATE TABLE IF NOT EXISTS ppa_settlements (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL
);
