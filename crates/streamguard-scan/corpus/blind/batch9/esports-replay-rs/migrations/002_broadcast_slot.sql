-- broadcast_slot
CREATE TABLE IF NOT EXISTS broadcast_slots (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL
);
