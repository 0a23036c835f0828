-- supplier
CREATE TABLE IF NOT EXISTS suppliers (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
