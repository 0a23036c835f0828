-- water_cart
CREATE TABLE IF NOT EXISTS water_carts (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
