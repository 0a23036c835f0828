-- alarm_event
CREATE TABLE IF NOT EXISTS alarm_events (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL
);
