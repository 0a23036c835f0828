-- yaw_event_history
CREATE TABLE IF NOT EXISTS yaw_event_historys (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
