-- inspection_history
CREATE TABLE IF NOT EXISTS inspection_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL
);
