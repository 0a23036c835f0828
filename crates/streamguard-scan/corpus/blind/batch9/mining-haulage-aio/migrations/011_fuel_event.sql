-- fuel_event
CREATE TABLE IF NOT EXISTS fuel_events (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL
);
