-- hero_pick_history
CREATE TABLE IF NOT EXISTS hero_pick_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
