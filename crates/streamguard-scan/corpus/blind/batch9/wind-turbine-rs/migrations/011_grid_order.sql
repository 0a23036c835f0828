-- grid_order
CREATE TABLE IF NOT EXISTS grid_orders (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
