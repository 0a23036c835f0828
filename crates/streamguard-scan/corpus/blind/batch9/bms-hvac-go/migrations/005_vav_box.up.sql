-- vav_box
CREATE TABLE IF NOT EXISTS vav_boxs (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL
);
