-- shipper
CREATE TABLE IF NOT EXISTS shippers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
