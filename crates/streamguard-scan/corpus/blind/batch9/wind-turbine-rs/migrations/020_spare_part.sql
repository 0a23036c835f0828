-- spare_part
CREATE TABLE IF NOT EXISTS spare_parts (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
