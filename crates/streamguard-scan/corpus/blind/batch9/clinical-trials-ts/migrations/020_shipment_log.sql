-- shipment_log
CREATE TABLE IF NOT EXISTS shipment_logs (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
