-- parking_lot
CREATE TABLE IF NOT EXISTS parking_lots (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
