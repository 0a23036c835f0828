-- stowage_slot_history
CREATE TABLE IF NOT EXISTS stowage_slot_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL
);
