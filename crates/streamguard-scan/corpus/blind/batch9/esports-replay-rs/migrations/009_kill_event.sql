-- kill_event
CREATE TABLE IF NOT EXISTS kill_events (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL
);
