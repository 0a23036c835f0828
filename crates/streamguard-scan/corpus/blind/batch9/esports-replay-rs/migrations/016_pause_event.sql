-- pause_event
CREATE TABLE IF NOT EXISTS pause_events (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL
);
