-- stowage_slot
CREATE TABLE IF NOT EXISTS stowage_slots (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL
);
