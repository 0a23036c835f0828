-- weighbridge
CREATE TABLE IF NOT EXISTS weighbridges (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL
);
