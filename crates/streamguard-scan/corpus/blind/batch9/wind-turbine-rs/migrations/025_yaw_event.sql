-- yaw_event
CREATE TABLE IF NOT EXISTS yaw_events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
