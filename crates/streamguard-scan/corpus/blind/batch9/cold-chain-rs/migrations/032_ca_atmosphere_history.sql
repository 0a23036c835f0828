-- ca_atmosphere_history
CREATE TABLE IF NOT EXISTS ca_atmosphere_historys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
