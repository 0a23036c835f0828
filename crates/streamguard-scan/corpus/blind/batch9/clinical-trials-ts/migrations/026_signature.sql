-- signature
CREATE TABLE IF NOT EXISTS signatures (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL
);
