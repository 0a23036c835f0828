-- complaint
CREATE TABLE IF NOT EXISTS complaints (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL
);
