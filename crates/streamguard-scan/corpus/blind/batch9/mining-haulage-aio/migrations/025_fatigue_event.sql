-- fatigue_event
CREATE TABLE IF NOT EXISTS fatigue_events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
