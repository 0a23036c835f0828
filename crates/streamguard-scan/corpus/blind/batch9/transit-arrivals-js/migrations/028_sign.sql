-- sign
CREATE TABLE IF NOT EXISTS signs (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
);
