-- grid_order_history
CREATE TABLE IF NOT EXISTS grid_order_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL
);
