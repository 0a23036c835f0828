-- terminal
CREATE TABLE IF NOT EXISTS terminals (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
