-- payload_event
CREATE TABLE IF NOT EXISTS payload_events (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL
);
