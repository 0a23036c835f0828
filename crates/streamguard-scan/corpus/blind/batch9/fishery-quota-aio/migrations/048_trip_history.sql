-- trip_history
CREATE TABLE IF NOT EXISTS trip_historys (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL
);
