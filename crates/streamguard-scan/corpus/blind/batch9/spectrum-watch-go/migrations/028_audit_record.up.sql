-- audit_record
CREATE TABLE IF NOT EXISTS audit_records (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL
);
