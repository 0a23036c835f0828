-- lock_event
CREATE TABLE IF NOT EXISTS lock_events (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL
);
