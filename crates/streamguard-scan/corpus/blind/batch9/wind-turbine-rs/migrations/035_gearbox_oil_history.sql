-- gearbox_oil_history
CREATE TABLE IF NOT EXISTS gearbox_oil_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL
);
