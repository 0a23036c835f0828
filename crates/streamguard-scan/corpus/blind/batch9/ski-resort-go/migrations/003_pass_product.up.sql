-- pass_product
CREATE TABLE IF NOT EXISTS pass_products (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
