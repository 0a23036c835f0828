-- team_history
CREATE TABLE IF NOT EXISTS team_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
