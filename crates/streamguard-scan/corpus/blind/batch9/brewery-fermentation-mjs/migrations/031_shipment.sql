-- shipment
CREATE TABLE IF NOT EXISTS shipments (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL
);
