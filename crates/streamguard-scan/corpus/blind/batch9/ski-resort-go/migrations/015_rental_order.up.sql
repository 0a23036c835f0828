-- rental_order
CREATE TABLE IF NOT EXISTS rental_orders (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL
);
