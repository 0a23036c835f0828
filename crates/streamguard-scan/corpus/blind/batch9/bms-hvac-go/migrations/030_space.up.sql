-- space
CREATE TABLE IF NOT EXISTS spaces (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
