-- dump_point
CREATE TABLE IF NOT EXISTS dump_points (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
