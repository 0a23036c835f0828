-- sealing_order
CREATE TABLE IF NOT EXISTS sealing_orders (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL
);
