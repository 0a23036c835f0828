-- work_order
CREATE TABLE IF NOT EXISTS work_orders (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL
);
