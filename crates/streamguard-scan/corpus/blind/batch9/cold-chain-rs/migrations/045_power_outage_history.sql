-- power_outage_history
CREATE TABLE IF NOT EXISTS power_outage_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
