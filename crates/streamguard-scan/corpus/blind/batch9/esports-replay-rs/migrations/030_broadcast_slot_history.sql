-- broadcast_slot_history
CREATE TABLE IF NOT EXISTS broadcast_slot_historys (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL
);
