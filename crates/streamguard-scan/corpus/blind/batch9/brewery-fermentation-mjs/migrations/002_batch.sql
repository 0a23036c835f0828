-- batch
CREATE TABLE IF NOT EXISTS batchs (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL
);
