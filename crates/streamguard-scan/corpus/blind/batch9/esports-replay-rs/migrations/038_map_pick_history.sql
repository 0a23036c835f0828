-- map_pick_history
CREATE TABLE IF NOT EXISTS map_pick_historys (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
