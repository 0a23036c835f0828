-- transcript_order
CREATE TABLE IF NOT EXISTS transcript_orders (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
