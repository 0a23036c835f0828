-- shift
CREATE TABLE IF NOT EXISTS shifts (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL
);
