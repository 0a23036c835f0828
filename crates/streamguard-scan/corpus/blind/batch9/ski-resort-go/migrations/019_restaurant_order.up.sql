-- restaurant_order
CREATE TABLE IF NOT EXISTS restaurant_orders (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL
);
