-- inventory_count
CREATE TABLE IF NOT EXISTS inventory_counts (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
