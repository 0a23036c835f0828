-- power_curve_history
CREATE TABLE IF NOT EXISTS power_curve_historys (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
