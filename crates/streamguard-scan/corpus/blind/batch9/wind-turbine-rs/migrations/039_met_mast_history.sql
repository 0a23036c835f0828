-- met_mast_history
CREATE TABLE IF NOT EXISTS met_mast_historys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL
);
