-- customs_hold_history
CREATE TABLE IF NOT EXISTS customs_hold_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL
);
