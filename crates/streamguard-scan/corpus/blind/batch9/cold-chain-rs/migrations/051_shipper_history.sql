-- shipper_history
CREATE TABLE IF NOT EXISTS shipper_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
