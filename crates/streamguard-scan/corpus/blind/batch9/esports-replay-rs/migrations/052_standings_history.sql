-- standings_history
CREATE TABLE IF NOT EXISTS standings_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL
);
