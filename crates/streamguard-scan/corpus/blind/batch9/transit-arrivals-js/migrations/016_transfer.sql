-- transfer
CREATE TABLE IF NOT EXISTS transfers (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL
);
