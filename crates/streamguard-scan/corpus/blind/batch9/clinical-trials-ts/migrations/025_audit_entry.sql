-- audit_entry
CREATE TABLE IF NOT EXISTS audit_entrys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
