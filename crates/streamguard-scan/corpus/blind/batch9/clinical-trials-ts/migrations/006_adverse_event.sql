-- adverse_event
CREATE TABLE IF NOT EXISTS adverse_events (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL
);
