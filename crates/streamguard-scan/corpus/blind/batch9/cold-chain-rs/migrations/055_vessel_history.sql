-- vessel_history
CREATE TABLE IF NOT EXISTS vessel_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL
);
