-- hop_addition
CREATE TABLE IF NOT EXISTS hop_additions (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL
);
