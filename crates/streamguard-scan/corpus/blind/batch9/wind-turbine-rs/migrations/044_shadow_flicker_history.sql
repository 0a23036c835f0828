-- shadow_flicker_history
CREATE TABLE IF NOT EXISTS shadow_flicker_historys (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL
);
